import type { z } from 'zod';
import type { Operation } from './operation';

/** One field-level problem, as the API lists them in problem+json `errors`. */
export interface ApiFieldError {
  in?: string;
  path: string;
  message: string;
}

/** A non-2xx answer (or no answer at all: status 0) turned into something a page can show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: ApiFieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Declared<T> = T extends z.ZodType ? (unknown extends z.input<T> ? never : T) : never;

// A slot is required when the operation declares a schema for it and absent otherwise, so
// `callApi(getProject, {})` without params does not type-check.
type Slot<K extends string, T> = [Declared<T>] extends [never] ? { [P in K]?: undefined } : { [P in K]: z.input<Declared<T>> };

type QuerySlot<T> = [Declared<T>] extends [never] ? { query?: undefined } : { query?: z.input<Declared<T>> };

export type CallInput<Op extends Operation> = Slot<'params', NonNullable<Op['params']>> &
  QuerySlot<NonNullable<Op['query']>> &
  Slot<'body', NonNullable<Op['body']>>;

export type CallResult<Op extends Operation> = z.infer<Op['response']>;

export interface CallOptions {
  fetch?: typeof fetch;
  /** Origin to call; relative (same origin) when omitted, which is what the browser wants. */
  origin?: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export const API_PREFIX = '/api/v1';

/** `/projects/{projectId}` + { projectId: 'a b' } → `/api/v1/projects/a%20b?…` */
export function buildUrl(path: string, params: Record<string, unknown> = {}, query: Record<string, unknown> = {}): string {
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null || value === '') throw new Error(`missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) search.append(key, String(item));
    }
  }
  const qs = search.toString();
  return `${API_PREFIX}${filled}${qs ? `?${qs}` : ''}`;
}

/** Calls one REST operation and returns its typed response; throws ApiError on anything but 2xx. */
export async function callApi<Op extends Operation>(
  op: Op,
  input: CallInput<Op>,
  options: CallOptions = {},
): Promise<CallResult<Op>> {
  const { params, query, body } = input as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  const url = (options.origin ?? '') + buildUrl(op.path, params, query);
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method: op.method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', 'Could not reach the server. Check your connection and try again.');
  }
  if (!response.ok) throw await apiErrorFrom(response);
  if (response.status === 204) return null as CallResult<Op>;
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as CallResult<Op>;
}

/** Reads an RFC 9457 problem+json answer; falls back to a plain sentence for anything else (a proxy's HTML page). */
export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const fallback = `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return new ApiError(response.status, `HTTP_${response.status}`, fallback);
  let problem: Record<string, unknown>;
  try {
    problem = (await response.json()) as Record<string, unknown>;
  } catch {
    return new ApiError(response.status, `HTTP_${response.status}`, fallback);
  }
  const message = str(problem.detail) ?? str(problem.title) ?? fallback;
  return new ApiError(response.status, str(problem.code) ?? `HTTP_${response.status}`, message, fieldErrors(problem.errors));
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function fieldErrors(value: unknown): ApiFieldError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (!item || typeof item !== 'object') return [];
    const { path, message, in: where } = item as Record<string, unknown>;
    if (typeof message !== 'string') return [];
    const joined = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
    return [{ path: joined, message, ...(typeof where === 'string' ? { in: where } : {}) }];
  });
}

/** Field errors keyed by path, for forms: `errorsByPath(err)['name']`. */
export function errorsByPath(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.errors) out[e.path] ??= e.message;
  return out;
}

/** A sentence to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
