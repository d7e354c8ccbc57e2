import { downloadSnapshotExport } from '@/lib/api/operations/snapshots';
import { route } from '@/server/http/route';
import { serveBlob } from '@/server/http/serve-blob';
import { getExportFile } from '@/server/snapshots/get-export-file';

export const GET = route(downloadSnapshotExport, async ({ ctx, params, req }) =>
  serveBlob(req, await getExportFile(ctx, params)),
);
