import { retryJobFailure } from '@/lib/api/operations/ops';
import { route } from '@/server/http/route';
import { retryJobFailure as retry } from '@/server/ops/retry-job-failure';

export const POST = route(retryJobFailure, ({ ctx, params }) => retry(ctx, params));
