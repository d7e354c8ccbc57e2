import { createApiToken, listApiTokens } from '@/lib/api/operations/me';
import { route } from '@/server/http/route';
import { createApiToken as create } from '@/server/tokens/create-api-token';
import { listApiTokens as list } from '@/server/tokens/list-api-tokens';

export const GET = route(listApiTokens, async ({ ctx }) => ({ tokens: await list(ctx) }));
export const POST = route(createApiToken, ({ ctx, body }) => create(ctx, body));
