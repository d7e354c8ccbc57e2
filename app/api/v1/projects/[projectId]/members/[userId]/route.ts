import { removeMember, updateMember } from '@/lib/api/operations/members';
import { route } from '@/server/http/route';
import { removeMember as remove } from '@/server/members/remove-member';
import { updateMemberRole } from '@/server/members/update-member-role';

export const PATCH = route(updateMember, ({ ctx, params, body }) => updateMemberRole(ctx, { ...params, ...body }));
export const DELETE = route(removeMember, async ({ ctx, params }) => {
  await remove(ctx, params);
  return null;
});
