import { exportQualityCsv } from '@/lib/api/operations/quality';
import { route } from '@/server/http/route';
import { exportQualityCsv as exportCsv } from '@/server/quality/export-quality-csv';

export const GET = route(exportQualityCsv, ({ ctx, params }) => exportCsv(ctx, params));
