import { listJobFailures } from '@/lib/api/operations/ops';
import { route } from '@/server/http/route';
import { listJobFailures as list } from '@/server/ops/list-job-failures';

export const GET = route(listJobFailures, ({ ctx, query }) => list(ctx, query));
