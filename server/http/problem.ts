import { AppError } from '../errors';
import { Prisma } from '../generated/prisma/client';

// RFC 9457 problem details. `code` is our stable machine-readable error code.
export function problemResponse(
  status: number,
  title: string,
  detail: string,
  extra: object = {},
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, detail, ...extra }), {
    status,
    headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store', ...headers },
  });
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function problemFromError(error: unknown): Response {
  if (error instanceof AppError) {
    const extra: Record<string, unknown> = { code: error.code };
    if (error.details !== undefined) extra.errors = error.details;
    return problemResponse(error.status, TITLES[error.status] ?? 'Error', error.message, extra, retryAfterHeader(error));
  }
  const mapped = fromDatabaseError(error);
  if (mapped) return problemFromError(mapped);
  // Unknown errors are logged with their stack; the caller sees a plain message only.
  console.error('[api] unhandled error', error);
  return problemResponse(500, TITLES[500]!, 'Something went wrong on our side.', { code: 'INTERNAL' });
}

// A rate limit says when to come back (`details.retryAfter`, seconds), as clients and proxies expect it.
function retryAfterHeader(error: AppError): Record<string, string> {
  const retryAfter = (error.details as { retryAfter?: unknown } | undefined)?.retryAfter;
  return error.status === 429 && typeof retryAfter === 'number' ? { 'retry-after': String(Math.ceil(retryAfter)) } : {};
}

// Races the domain code cannot rule out beforehand (two creates of one unique key) still deserve a
// clear answer rather than a 500.
function fromDatabaseError(error: unknown): AppError | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return null;
  if (error.code === 'P2002') return new AppError('CONFLICT', 'This already exists (a concurrent request may have created it)');
  if (error.code === 'P2025') return new AppError('NOT_FOUND', 'Not found (it may have just been removed)');
  return null;
}
