import { revokeInvitation } from '@/lib/api/operations/members';
import { route } from '@/server/http/route';
import { revokeInvitation as revoke } from '@/server/members/revoke-invitation';

export const DELETE = route(revokeInvitation, async ({ ctx, params }) => {
  await revoke(ctx, params);
  return null;
});
