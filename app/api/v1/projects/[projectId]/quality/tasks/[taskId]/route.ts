import { getQualityComparison } from '@/lib/api/operations/quality';
import { route } from '@/server/http/route';
import { getQualityComparison as get } from '@/server/quality/get-quality-comparison';

export const GET = route(getQualityComparison, ({ ctx, params }) => get(ctx, params));
