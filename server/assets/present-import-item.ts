import type { TImportItem } from '@/lib/schemas/import';
import type { ImportItemStatus } from '../generated/prisma/enums';

export function presentImportItem(row: {
  id: string;
  name: string;
  sourceUri: string | null;
  assetId: string | null;
  status: ImportItemStatus;
  reason: string | null;
  createdAt: Date;
}): TImportItem {
  return {
    id: row.id,
    name: row.name,
    sourceUri: row.sourceUri,
    assetId: row.assetId,
    status: row.status,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
  };
}
