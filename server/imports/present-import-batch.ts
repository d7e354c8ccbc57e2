import type { TImportBatch } from '@/lib/schemas/import';
import type { Tx, Db } from '../db';
import type { AssetStage, ImportItemStatus, ImportSource } from '../generated/prisma/enums';

export const IMPORT_BATCH_SELECT = {
  id: true,
  source: true,
  label: true,
  createdAt: true,
  createdBy: { select: { name: true, email: true } },
} as const;

interface BatchRow {
  id: string;
  source: ImportSource;
  label: string;
  createdAt: Date;
  createdBy: { name: string; email: string } | null;
}

export interface BatchCounts {
  items: Map<string, Partial<Record<ImportItemStatus, number>>>;
  stages: Map<string, Partial<Record<AssetStage, number>>>;
}

/** Item counts by status and asset counts by stage for these batches: two grouped queries in all. */
export async function batchCounts(client: Db | Tx, batchIds: string[]): Promise<BatchCounts> {
  const [items, stages] = await Promise.all([
    client.importItem.groupBy({ by: ['batchId', 'status'], where: { batchId: { in: batchIds } }, _count: { _all: true } }),
    client.asset.groupBy({ by: ['importBatchId', 'stage'], where: { importBatchId: { in: batchIds } }, _count: { _all: true } }),
  ]);
  const counts: BatchCounts = { items: new Map(), stages: new Map() };
  for (const row of items) {
    counts.items.set(row.batchId, { ...counts.items.get(row.batchId), [row.status]: row._count._all });
  }
  for (const row of stages) {
    if (!row.importBatchId) continue;
    counts.stages.set(row.importBatchId, { ...counts.stages.get(row.importBatchId), [row.stage]: row._count._all });
  }
  return counts;
}

export function presentImportBatch(row: BatchRow, counts: BatchCounts): TImportBatch {
  const items = counts.items.get(row.id) ?? {};
  const stages = counts.stages.get(row.id) ?? {};
  return {
    id: row.id,
    source: row.source,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy ? row.createdBy.name || row.createdBy.email : null,
    items: {
      pending: items.PENDING ?? 0,
      accepted: items.ACCEPTED ?? 0,
      duplicate: items.DUPLICATE ?? 0,
      rejected: items.REJECTED ?? 0,
    },
    stages: { RAW: stages.RAW ?? 0, STAGED: stages.STAGED ?? 0, READY: stages.READY ?? 0, QUARANTINED: stages.QUARANTINED ?? 0 },
  };
}
