import { listQualityItems } from '@/lib/api/operations/quality';
import { route } from '@/server/http/route';
import { listQualityItems as list } from '@/server/quality/list-quality-items';

export const GET = route(listQualityItems, ({ ctx, params, query }) => list(ctx, { ...params, query }));
