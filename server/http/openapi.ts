import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { ALL_OPERATIONS } from '@/lib/api/all-operations';
import type { Operation } from '@/lib/api/operation';

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details (application/problem+json)',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string' },
    errors: { type: 'array', items: { type: 'object' } },
  },
} as const;

/** The OpenAPI 3.1 document, generated from the same zod operations the handlers validate with. */
export function buildOpenApiDocument(serverUrl: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token from Settings → API tokens',
  });
  for (const op of ALL_OPERATIONS) registerOperation(registry, op);
  const generator = new OpenApiGeneratorV31(registry.definitions);
  const doc = generator.generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Loupe API',
      version: '1',
      description: 'Errors are application/problem+json. Other projects\u2019 objects answer 404.',
    },
    servers: [{ url: `${serverUrl.replace(/\/$/, '')}/api/v1` }],
    security: [{ bearer: [] }],
  });
  return { ...doc, components: { ...doc.components, schemas: { ...doc.components?.schemas, Problem: PROBLEM_SCHEMA } } };
}

function registerOperation(registry: OpenAPIRegistry, op: Operation): void {
  const status = op.status ?? 200;
  const problem = {
    description: 'Error',
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  };
  registry.registerPath({
    method: op.method.toLowerCase() as 'get',
    path: op.path,
    operationId: op.id,
    summary: op.summary,
    tags: [op.tag],
    security: op.public ? [] : undefined,
    request: {
      params: op.params as z.ZodObject | undefined,
      query: op.query as z.ZodObject | undefined,
      body: op.rawBody
        ? {
            description: op.rawBody.description,
            content: { [op.rawBody.contentType]: { schema: { type: 'string', format: 'binary' } } },
          }
        : op.body
          ? { content: { 'application/json': { schema: op.body } } }
          : undefined,
    },
    responses: {
      [status]:
        status === 204
          ? { description: 'Done' }
          : op.binaryResponse
            ? {
                description: 'The bytes (HTTP range requests supported)',
                content: { [op.binaryResponse]: { schema: { type: 'string', format: 'binary' } } },
              }
            : { description: 'Success', content: { 'application/json': { schema: op.response } } },
      default: problem,
    },
  });
}
