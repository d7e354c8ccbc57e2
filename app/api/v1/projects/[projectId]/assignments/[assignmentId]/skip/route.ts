import { skipAssignment } from '@/lib/api/operations/workflow';
import { route } from '@/server/http/route';
import { skipAssignment as skip } from '@/server/workflow/skip-assignment';

export const POST = route(skipAssignment, ({ ctx, params, body }) => skip(ctx, { ...params, ...body }));
