import type { TAssetSummary } from '@/lib/schemas/asset';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError, notFound } from '../errors';
import { enqueue } from '../jobs/enqueue';
import { authorizeProject } from '../permissions';
import { ASSET_SUMMARY_SELECT, presentAssetSummary } from './present-asset';

/**
 * Sends a quarantined asset through the pipeline again, from the top. Its earlier ingest job still
 * sits in BullMQ under the deterministic id, so this run gets an id of its own. Queued after the
 * commit: a worker that picked the job up earlier would still find the asset QUARANTINED and skip it
 * (it did, within a millisecond). If Redis refuses the job, the asset goes back to quarantine.
 */
export async function retryAsset(ctx: Ctx, input: { projectId: string; assetId: string }): Promise<TAssetSummary> {
  const { projectId, before } = await db().$transaction(async (tx) => {
    const access = await authorizeProject(tx, ctx, input.projectId, 'assets:write');
    const before = await tx.asset.findFirst({
      where: { id: input.assetId, projectId: access.projectId },
      select: { stage: true, failureReason: true },
    });
    if (!before) throw notFound('Asset');
    const claimed = await tx.asset.updateMany({
      where: { id: input.assetId, projectId: access.projectId, stage: 'QUARANTINED' },
      data: { stage: 'RAW', failureReason: null, stagedAt: null, readyAt: null },
    });
    if (claimed.count === 0)
      throw new AppError('CONFLICT', `Only quarantined assets can be retried; this one is ${before.stage}`);
    await recordAudit(tx, ctx, {
      action: 'asset.retry',
      projectId: access.projectId,
      subjectType: 'Asset',
      subjectId: input.assetId,
      before: { stage: before.stage, failureReason: before.failureReason },
      after: { stage: 'RAW' },
    });
    return { projectId: access.projectId, before };
  });
  try {
    await enqueue('ingest', { v: 1, projectId, assetId: input.assetId }, { jobIdSuffix: `retry-${Date.now().toString(36)}` });
  } catch (error) {
    await db().asset.updateMany({
      where: { id: input.assetId, stage: 'RAW' },
      data: { stage: 'QUARANTINED', failureReason: before.failureReason },
    });
    throw error;
  }
  const row = await db().asset.findUniqueOrThrow({ where: { id: input.assetId }, select: ASSET_SUMMARY_SELECT });
  return presentAssetSummary(row);
}
