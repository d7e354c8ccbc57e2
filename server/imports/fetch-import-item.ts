import { ZCaptureMetadataSchema } from '@/lib/schemas/asset';
import { ingestFile } from '../assets/ingest-file';
import { actorContext } from '../auth/authenticate-request';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { safeFetch } from '../net/safe-fetch';
import { SafeFetchError } from '../net/safe-fetch-error';

// One deadline for a whole download, redirects included: generous for large video over a slow link.
export const URL_FETCH_TIMEOUT_MS = 15 * 60_000;
export const URL_FETCH_MAX_REDIRECTS = 5;

export type FetchOutcome = 'ACCEPTED' | 'DUPLICATE' | 'REJECTED' | 'SETTLED';

/**
 * The fetch job's work: download one PENDING URL item (SSRF-checked) and hand the bytes to
 * ingestFile as the batch's creator. A URL that can never work (refused, 404, too large) settles
 * the item as REJECTED at once; a transient failure throws so the job is retried, and on the last
 * attempt the item is REJECTED before the error goes on to the dead-letter table. Safe to run twice:
 * an item that is no longer PENDING is left alone.
 */
export async function fetchImportItem(
  input: { projectId: string; batchId: string; itemId: string },
  attempt: { final: boolean },
): Promise<FetchOutcome> {
  const item = await db().importItem.findFirst({
    where: { id: input.itemId, batchId: input.batchId, batch: { projectId: input.projectId } },
    select: { id: true, name: true, sourceUri: true, status: true, capture: true, batch: { select: { createdById: true } } },
  });
  if (!item) throw new AppError('NOT_FOUND', `Import item ${input.itemId} not found in batch ${input.batchId}`);
  if (item.status !== 'PENDING') return 'SETTLED';
  const ctx = item.batch.createdById ? await actorContext(item.batch.createdById, 'system') : null;
  if (!ctx || !item.sourceUri) return reject(ctx, input, 'the batch creator can no longer import into this project');
  const capture = ZCaptureMetadataSchema.safeParse(item.capture ?? {});
  try {
    const fetched = await safeFetch(item.sourceUri, {
      maxBytes: env().MAX_UPLOAD_BYTES,
      timeoutMs: URL_FETCH_TIMEOUT_MS,
      maxRedirects: URL_FETCH_MAX_REDIRECTS,
    });
    const result = await ingestFile(ctx, {
      projectId: input.projectId,
      batchId: input.batchId,
      itemId: item.id,
      name: item.name,
      source: 'URL',
      sourceUri: item.sourceUri,
      declaredMime: fetched.contentType?.split(';')[0]?.trim() || undefined,
      capture: capture.success ? capture.data : undefined,
      bytes: fetched.stream,
    });
    return result.status;
  } catch (error) {
    const permanent = error instanceof SafeFetchError ? !error.retryable : error instanceof AppError;
    if (permanent || attempt.final) {
      await reject(ctx, input, error instanceof Error ? error.message : String(error));
      if (permanent) return 'REJECTED';
    }
    throw error;
  }
}

async function reject(ctx: Ctx | null, input: { projectId: string; itemId: string }, reason: string): Promise<'REJECTED'> {
  await db().$transaction(async (tx) => {
    await tx.importItem.update({ where: { id: input.itemId, status: 'PENDING' }, data: { status: 'REJECTED', reason } });
    if (ctx) {
      await recordAudit(tx, ctx, {
        action: 'import.item.rejected',
        projectId: input.projectId,
        subjectType: 'ImportItem',
        subjectId: input.itemId,
        after: { reason },
      });
    }
  });
  return 'REJECTED';
}
