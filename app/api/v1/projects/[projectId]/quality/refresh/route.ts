import { refreshQualityReport } from '@/lib/api/operations/quality';
import { route } from '@/server/http/route';
import { getQualityReport } from '@/server/quality/get-quality-report';

export const POST = route(refreshQualityReport, ({ ctx, params }) => getQualityReport(ctx, params, { force: true }));
