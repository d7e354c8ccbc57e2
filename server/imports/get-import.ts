import type { TImportBatch, TImportItem } from '@/lib/schemas/import';
import { presentImportItem } from '../assets/present-import-item';
import type { Ctx } from '../context';
import { db } from '../db';
import { notFound } from '../errors';
import { authorizeProject } from '../permissions';
import { batchCounts, IMPORT_BATCH_SELECT, presentImportBatch } from './present-import-batch';

/** The newest files of a batch are listed; the counts cover all of them. */
export const ITEM_LIST_LIMIT = 1000;

export async function getImport(
  ctx: Ctx,
  input: { projectId: string; batchId: string },
): Promise<TImportBatch & { itemList: TImportItem[] }> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'assets:read');
  const batch = await db().importBatch.findFirst({
    where: { id: input.batchId, projectId: access.projectId },
    select: IMPORT_BATCH_SELECT,
  });
  if (!batch) throw notFound('Import batch');
  const [counts, items] = await Promise.all([
    batchCounts(db(), [batch.id]),
    db().importItem.findMany({
      where: { batchId: batch.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: ITEM_LIST_LIMIT,
    }),
  ]);
  return { ...presentImportBatch(batch, counts), itemList: items.map(presentImportItem) };
}
