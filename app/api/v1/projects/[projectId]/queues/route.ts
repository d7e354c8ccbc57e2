import { getQueueStats } from '@/lib/api/operations/workflow';
import { route } from '@/server/http/route';
import { getQueueStats as get } from '@/server/workflow/get-queue-stats';

export const GET = route(getQueueStats, ({ ctx, params }) => get(ctx, params));
