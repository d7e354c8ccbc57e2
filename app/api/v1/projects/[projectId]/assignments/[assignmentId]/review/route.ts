import { decideReview } from '@/lib/api/operations/workflow';
import { route } from '@/server/http/route';
import { decideReview as decide } from '@/server/workflow/decide-review';

export const POST = route(decideReview, ({ ctx, params, body }) => decide(ctx, { ...params, ...body }));
