import { getQualityReport } from '@/lib/api/operations/quality';
import { route } from '@/server/http/route';
import { getQualityReport as get } from '@/server/quality/get-quality-report';

export const GET = route(getQualityReport, ({ ctx, params }) => get(ctx, params));
