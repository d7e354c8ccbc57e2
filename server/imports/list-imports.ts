import type { TImportBatch } from '@/lib/schemas/import';
import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject } from '../permissions';
import { batchCounts, IMPORT_BATCH_SELECT, presentImportBatch } from './present-import-batch';

// The newest batches; older ones stay reachable by id (and their assets through the asset filters).
const LIST_LIMIT = 200;

export async function listImports(ctx: Ctx, input: { projectId: string }): Promise<{ batches: TImportBatch[] }> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'assets:read');
  const rows = await db().importBatch.findMany({
    where: { projectId: access.projectId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: LIST_LIMIT,
    select: IMPORT_BATCH_SELECT,
  });
  const counts = await batchCounts(
    db(),
    rows.map((row) => row.id),
  );
  return { batches: rows.map((row) => presentImportBatch(row, counts)) };
}
