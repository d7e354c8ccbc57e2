import { addTaskComment } from '@/lib/api/operations/workflow';
import { route } from '@/server/http/route';
import { addTaskComment as add } from '@/server/workflow/add-task-comment';

export const POST = route(addTaskComment, ({ ctx, params, body }) => add(ctx, { ...params, ...body }));
