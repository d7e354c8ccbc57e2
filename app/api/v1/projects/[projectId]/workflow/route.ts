import { getWorkflow, saveWorkflow } from '@/lib/api/operations/workflow';
import { route } from '@/server/http/route';
import { getWorkflow as get } from '@/server/workflow/get-workflow';
import { saveWorkflow as save } from '@/server/workflow/save-workflow';

export const GET = route(getWorkflow, ({ ctx, params }) => get(ctx, params));
export const PUT = route(saveWorkflow, ({ ctx, params, body }) => save(ctx, { ...params, ...body }));
