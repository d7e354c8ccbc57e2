import { type z } from 'zod';
import type { Operation } from '@/lib/api/operation';
import { authenticateRequest } from '../auth/authenticate-request';
import type { Ctx } from '../context';
import { env } from '../env';
import { AppError } from '../errors';
import { problemFromError } from './problem';
import { readJsonBody } from './read-json-body';

type Infer<T> = NonNullable<T> extends z.ZodType ? z.infer<NonNullable<T>> : undefined;

export interface HandlerArgs<Op extends Operation> {
  ctx: Op['public'] extends true ? Ctx | null : Ctx;
  params: Infer<Op['params']>;
  query: Infer<Op['query']>;
  body: Infer<Op['body']>;
  req: Request;
}

type NextRouteContext = { params: Promise<Record<string, string | string[]>> };

/**
 * Turns an Operation plus a handler into a Next route handler: authenticates (session or bearer
 * token), parses params/query/body with the operation's zod schemas, and answers problem+json on any
 * error. Handlers return plain data (serialised with the operation's success status) or a Response.
 */
export function route<Op extends Operation>(
  op: Op,
  handler: (args: HandlerArgs<Op>) => Promise<z.infer<Op['response']> | Response>,
) {
  return async (req: Request, context: NextRouteContext): Promise<Response> => {
    try {
      const ctx = await authenticateRequest(req);
      if (!ctx && !op.public) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token');
      const params = parse(op.params, await context.params, 'path');
      const query = parse(op.query, Object.fromEntries(new URL(req.url).searchParams), 'query');
      const limit = op.largeBody ? env().MAX_ANNOTATION_BODY_BYTES : env().MAX_JSON_BODY_BYTES;
      const body = op.body ? parse(op.body, await readJsonBody(req, limit), 'body') : undefined;
      const result = await handler({ ctx, params, query, body, req } as HandlerArgs<Op>);
      if (result instanceof Response) return result;
      return jsonResponse(result, op.status ?? 200);
    } catch (error) {
      return problemFromError(error);
    }
  };
}

function parse<T>(schema: z.ZodType | undefined, input: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(input);
  if (!result.success) {
    const errors = result.error.issues.map((i) => ({ in: where, path: i.path.join('.'), message: i.message }));
    throw new AppError('VALIDATION', `The request ${where} is invalid: ${errors[0]?.message ?? ''}`, errors);
  }
  return result.data as T;
}

export function jsonResponse(data: unknown, status = 200): Response {
  if (status === 204) return new Response(null, { status });
  return new Response(JSON.stringify(data), {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}
