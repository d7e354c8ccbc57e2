import { discardJobFailure } from '@/lib/api/operations/ops';
import { route } from '@/server/http/route';
import { discardJobFailure as discard } from '@/server/ops/discard-job-failure';

export const POST = route(discardJobFailure, ({ ctx, params }) => discard(ctx, params));
