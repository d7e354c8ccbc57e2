import { getInvitation } from '@/lib/api/operations/members';
import { route } from '@/server/http/route';
import { getInvitation as get } from '@/server/members/get-invitation';

export const GET = route(getInvitation, ({ params }) => get(params));
