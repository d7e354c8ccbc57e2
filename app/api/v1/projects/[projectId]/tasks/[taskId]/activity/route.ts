import { getTaskActivity } from '@/lib/api/operations/workflow';
import { route } from '@/server/http/route';
import { getTaskActivity as get } from '@/server/workflow/get-task-activity';

export const GET = route(getTaskActivity, ({ ctx, params }) => get(ctx, params));
