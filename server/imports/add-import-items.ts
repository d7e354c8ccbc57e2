import type { TCaptureMetadata } from '@/lib/schemas/asset';
import type { TImportItem } from '@/lib/schemas/import';
import { presentImportItem } from '../assets/present-import-item';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { notFound } from '../errors';
import { enqueue } from '../jobs/enqueue';
import { assertPipelineCapacity } from '../jobs/pipeline-backlog';
import { authorizeProject } from '../permissions';

export interface UrlRow {
  url: string;
  name: string;
  capture: TCaptureMetadata;
}

export interface RejectedRow {
  name: string;
  sourceUri: string | null;
  reason: string;
}

/**
 * Records what a URL list or manifest brought into a batch: a PENDING item per URL (its capture
 * metadata kept on the item until the fetch job creates the asset) and a REJECTED item per bad row,
 * so nothing is silently dropped; then queues one fetch job per URL.
 */
export async function addImportItems(
  ctx: Ctx,
  input: { projectId: string; batchId: string; urls: UrlRow[]; rejected: RejectedRow[]; via: 'urls' | 'manifest' | 'cli' },
): Promise<{ items: TImportItem[] }> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'assets:write');
  if (input.urls.length > 0) await assertPipelineCapacity();
  const { batchId, items } = await db().$transaction(async (tx) => {
    const batch = await tx.importBatch.findFirst({
      where: { id: input.batchId, projectId: access.projectId },
      select: { id: true },
    });
    if (!batch) throw notFound('Import batch');
    const pending = await tx.importItem.createManyAndReturn({
      data: input.urls.map((row) => ({
        batchId: batch.id,
        name: row.name,
        sourceUri: row.url,
        status: 'PENDING' as const,
        capture: row.capture,
      })),
    });
    const rejected = await tx.importItem.createManyAndReturn({
      data: input.rejected.map((row) => ({
        batchId: batch.id,
        name: row.name,
        sourceUri: row.sourceUri,
        status: 'REJECTED' as const,
        reason: row.reason,
      })),
    });
    await recordAudit(tx, ctx, {
      action: `import.${input.via}`,
      projectId: access.projectId,
      subjectType: 'ImportBatch',
      subjectId: batch.id,
      after: { pending: pending.length, rejected: rejected.length },
    });
    return { batchId: batch.id, items: [...pending, ...rejected] };
  });
  await Promise.all(
    items
      .filter((item) => item.status === 'PENDING')
      .map((item) => enqueue('fetch', { v: 1, projectId: access.projectId, batchId, itemId: item.id })),
  );
  return { items: items.map(presentImportItem) };
}

/** A readable name for a URL's file: its last path segment, else its host. */
export function nameFromUrl(url: string): string {
  const parsed = new URL(url);
  const last = parsed.pathname.split('/').filter(Boolean).pop();
  if (!last) return parsed.hostname;
  try {
    return decodeURIComponent(last).slice(0, 255);
  } catch {
    return last.slice(0, 255);
  }
}
