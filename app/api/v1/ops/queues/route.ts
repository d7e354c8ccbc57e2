import { getQueueStats } from '@/lib/api/operations/ops';
import { route } from '@/server/http/route';
import { getQueueStats as get } from '@/server/ops/get-queue-stats';

export const GET = route(getQueueStats, ({ ctx }) => get(ctx));
