import { describe, expect, it } from 'vitest';
import { ALL_OPERATIONS } from '@/lib/api/all-operations';
import { buildOpenApiDocument } from './openapi';

describe('OpenAPI document', () => {
  const doc = buildOpenApiDocument('https://loupe.example.com');

  it('is OpenAPI 3.1 with every operation, its parameters and its success status', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers?.[0]?.url).toBe('https://loupe.example.com/api/v1');
    for (const op of ALL_OPERATIONS) {
      const entry = doc.paths?.[op.path]?.[op.method.toLowerCase() as 'get'];
      expect(entry?.operationId, `${op.method} ${op.path}`).toBe(op.id);
      expect(Object.keys(entry?.responses ?? {})).toContain(String(op.status ?? 200));
      const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const documented = (entry?.parameters ?? [])
        .filter((p) => 'in' in p && p.in === 'path')
        .map((p) => ('name' in p ? p.name : ''));
      expect(documented.sort()).toEqual(pathParams.sort());
    }
  });

  it('documents request bodies from the zod schemas, and marks public operations', () => {
    const invite = doc.paths?.['/projects/{projectId}/members']?.post;
    const schema = (invite?.requestBody as { content: Record<string, { schema: { properties: object } }> }).content[
      'application/json'
    ]!.schema;
    expect(Object.keys(schema.properties)).toEqual(['email', 'role']);
    expect(doc.paths?.['/invitations/{token}']?.get?.security).toEqual([]);
    expect(doc.paths?.['/projects']?.get?.security).toBeUndefined();
  });
});
