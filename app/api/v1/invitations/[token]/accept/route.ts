import { acceptInvitation } from '@/lib/api/operations/members';
import { route } from '@/server/http/route';
import { acceptInvitation as accept } from '@/server/members/accept-invitation';

export const POST = route(acceptInvitation, ({ ctx, params, body }) => accept(ctx, { ...params, ...body }));
