import { getAssignment } from '@/lib/api/operations/workflow';
import { route } from '@/server/http/route';
import { getAssignment as get } from '@/server/workflow/get-assignment';

export const GET = route(getAssignment, ({ ctx, params }) => get(ctx, params));
