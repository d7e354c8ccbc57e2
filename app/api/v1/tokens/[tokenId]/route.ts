import { revokeApiToken } from '@/lib/api/operations/me';
import { route } from '@/server/http/route';
import { revokeApiToken as revoke } from '@/server/tokens/revoke-api-token';

export const DELETE = route(revokeApiToken, async ({ ctx, params }) => {
  await revoke(ctx, params);
  return null;
});
