import type { z } from 'zod';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One REST operation: its path, schemas and documentation. The route handler validates with these
 * schemas, the OpenAPI document is generated from them and the access-matrix test walks them, so a
 * route cannot drift from its contract.
 */
export interface Operation<
  TParams extends z.ZodType = z.ZodType,
  TQuery extends z.ZodType = z.ZodType,
  TBody extends z.ZodType = z.ZodType,
  TResponse extends z.ZodType = z.ZodType,
> {
  id: string;
  method: HttpMethod;
  /** OpenAPI-style path under /api/v1, e.g. `/projects/{projectId}`. */
  path: string;
  summary: string;
  tag: string;
  params?: TParams;
  query?: TQuery;
  body?: TBody;
  response: TResponse;
  /** Status of a successful call. */
  status?: number;
  /** Anonymous callers allowed (e.g. accepting an invitation). */
  public?: boolean;
  /** The body carries whole annotations (up to 20,000 regions): capped by MAX_ANNOTATION_BODY_BYTES, not MAX_JSON_BODY_BYTES. */
  largeBody?: true;
  /** The body is streamed as bytes (an upload), not parsed as JSON; the handler reads `req.body`. */
  rawBody?: { contentType: string; description: string };
  /** The success response is bytes of this type (media), not JSON. */
  binaryResponse?: string;
}

export function defineOperation<
  TParams extends z.ZodType,
  TQuery extends z.ZodType,
  TBody extends z.ZodType,
  TResponse extends z.ZodType,
>(op: Operation<TParams, TQuery, TBody, TResponse>) {
  return op;
}
