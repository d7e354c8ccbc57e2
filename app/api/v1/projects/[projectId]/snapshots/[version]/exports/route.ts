import { requestSnapshotExport } from '@/lib/api/operations/snapshots';
import { route } from '@/server/http/route';
import { requestExport } from '@/server/snapshots/request-export';

export const POST = route(requestSnapshotExport, ({ ctx, params, body }) => requestExport(ctx, { ...params, ...body }));
