import { env } from '@/server/env';
import { buildOpenApiDocument } from '@/server/http/openapi';

let cached: string | undefined;

// Public like any API description; generated once per process from the zod operations.
export function GET(): Response {
  cached ??= JSON.stringify(buildOpenApiDocument(env().NEXTAUTH_URL));
  return new Response(cached, { headers: { 'content-type': 'application/json' } });
}
