import { sendQualityItemsToReview } from '@/lib/api/operations/quality';
import { route } from '@/server/http/route';
import { sendToReview } from '@/server/quality/send-to-review';

export const POST = route(sendQualityItemsToReview, ({ ctx, params, body }) => sendToReview(ctx, { ...params, ...body }));
