import { submitAssignment } from '@/lib/api/operations/workflow';
import { route } from '@/server/http/route';
import { submitAssignment as submit } from '@/server/workflow/submit-assignment';

export const POST = route(submitAssignment, ({ ctx, params, body }) => submit(ctx, { ...params, ...body }));
