import { escalateAssignment } from '@/lib/api/operations/workflow';
import { route } from '@/server/http/route';
import { escalateAssignment as escalate } from '@/server/workflow/escalate-assignment';

export const POST = route(escalateAssignment, ({ ctx, params, body }) => escalate(ctx, { ...params, ...body }));
