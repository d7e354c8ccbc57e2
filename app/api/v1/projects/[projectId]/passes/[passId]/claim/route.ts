import { claimNextTask } from '@/lib/api/operations/workflow';
import { route } from '@/server/http/route';
import { claimNextTask as claim } from '@/server/workflow/claim-next-task';

export const POST = route(claimNextTask, ({ ctx, params, query }) => claim(ctx, { ...params, ...query }));
