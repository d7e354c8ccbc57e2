import { db } from '../db';
import { enqueue } from '../jobs/enqueue';
import { blobStore } from '../storage/blob-store';
import { pipelineLimits } from './pipeline-limits';
import { probeMedia } from './probe-media';
import { recordStageRun } from './record-stage-run';
import { settleStageFailure } from './settle-stage-failure';
import { preprocessKindFor, type StageJob } from './stage-job';

export type StageOutcome = { done: 'OK' } | { skipped: string } | { quarantined: string };

/**
 * The ingest stage: RAW → STAGED (kind, mime, dimensions, duration, probe) or QUARANTINED, then
 * queues the asset's preprocess job. Safe to run again: an asset past RAW is left as it is (a STAGED
 * one only gets its preprocess job queued again, in case the first run died before queueing it).
 */
export async function probeAsset(job: StageJob): Promise<StageOutcome> {
  const asset = await db().asset.findFirst({
    where: { id: job.assetId, projectId: job.projectId },
    select: { id: true, stage: true, kind: true, blobSha256: true },
  });
  if (!asset) return { skipped: 'no such asset in this project' };
  if (asset.stage === 'STAGED') await queuePreprocess(job, asset.kind);
  if (asset.stage !== 'RAW') return { skipped: `already ${asset.stage}` };

  const startedAt = new Date();
  const tools: Record<string, string> = {};
  try {
    const facts = await probeMedia(await blobStore().localPath(asset.blobSha256), pipelineLimits(), tools);
    const staged = await db().$transaction(async (tx) => {
      const { count } = await tx.asset.updateMany({
        where: { id: asset.id, stage: 'RAW' },
        data: { ...facts, stage: 'STAGED', stagedAt: new Date(), failureReason: null },
      });
      // Another delivery of this job got there first: its run is the one on record.
      if (count === 1) await recordStageRun(tx, job, { stage: 'ingest', outcome: 'OK', tools, startedAt });
      return count === 1;
    });
    await queuePreprocess(job, facts.kind);
    return staged ? { done: 'OK' } : { skipped: 'staged by another run' };
  } catch (error) {
    return settleStageFailure(job, { stage: 'ingest', startedAt, tools }, error);
  }
}

async function queuePreprocess(job: StageJob, kind: Parameters<typeof preprocessKindFor>[0]) {
  await enqueue('preprocess', { v: 1, projectId: job.projectId, assetId: job.assetId, kind: preprocessKindFor(kind) });
}
