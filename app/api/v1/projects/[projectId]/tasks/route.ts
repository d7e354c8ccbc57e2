import { createTasks, listTasks } from '@/lib/api/operations/workflow';
import { route } from '@/server/http/route';
import { createTasks as create } from '@/server/workflow/create-tasks';
import { listTasks as list } from '@/server/workflow/list-tasks';

export const GET = route(listTasks, ({ ctx, params, query }) => list(ctx, { ...params, ...query }));
export const POST = route(createTasks, ({ ctx, params, body }) => create(ctx, { ...params, ...body }));
