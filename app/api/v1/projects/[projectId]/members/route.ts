import { inviteMember, listMembers } from '@/lib/api/operations/members';
import { route } from '@/server/http/route';
import { inviteMember as invite } from '@/server/members/invite-member';
import { listMembers as list } from '@/server/members/list-members';

export const GET = route(listMembers, ({ ctx, params }) => list(ctx, params));
export const POST = route(inviteMember, ({ ctx, params, body }) => invite(ctx, { ...params, ...body }));
