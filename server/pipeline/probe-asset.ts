import { enqueue } from '../jobs/enqueue';
import { one, sql, transaction } from '../sql';
import { blobStore } from '../storage/blob-store';
import { pipelineLimits } from './pipeline-limits';
import { loadStageAsset, makeAssetReady, type StagedAsset } from './preprocess-asset';
import { probeMedia } from './probe-media';
import { recordStageRun } from './record-stage-run';
import { settleStageFailure } from './settle-stage-failure';
import { preprocessKindFor, type StageJob } from './stage-job';

export type StageOutcome = { done: 'OK' } | { skipped: string } | { quarantined: string };

/**
 * The ingest stage: RAW → STAGED (kind, mime, dimensions, duration, probe) or QUARANTINED, then on
 * to preprocessing: images carry on in this job (their thumbnails take less than another queue hop),
 * audio and video get a preprocess job. Safe to run again: an asset past RAW is not probed again,
 * and a STAGED one only carries on (in case the first run died after staging it).
 */
export async function probeAsset(job: StageJob): Promise<StageOutcome> {
  const asset = await loadStageAsset(job);
  if (!asset) return { skipped: 'no such asset in this project' };
  if (asset.stage === 'STAGED') return carryOn(job, asset);
  if (asset.stage !== 'RAW') return { skipped: `already ${asset.stage}` };

  const startedAt = new Date();
  const tools: Record<string, string> = {};
  try {
    const facts = await probeMedia(await blobStore().localPath(asset.blobSha256), pipelineLimits(), tools);
    const staged = await transaction(async (tx) => {
      const moved = await one(
        sql`UPDATE "Asset" SET kind = ${facts.kind}::"AssetKind", mime = ${facts.mime}, width = ${facts.width}::int,
            height = ${facts.height}::int, "durationSec" = ${facts.durationSec}::float8, fps = ${facts.fps}::float8,
            "frameCount" = ${facts.frameCount}::int, probe = ${JSON.stringify(facts.probe)}::jsonb, stage = 'STAGED',
            "stagedAt" = now(), "failureReason" = NULL, "updatedAt" = now()
          WHERE id = ${asset.id} AND stage = 'RAW'
          RETURNING id`,
        tx,
      );
      // Another delivery of this job got there first: its run is the one on record, and it carries on.
      if (moved) await recordStageRun(tx, job, { stage: 'ingest', outcome: 'OK', tools, startedAt });
      return !!moved;
    });
    if (!staged) return { skipped: 'staged by another run' };
    return carryOn(job, { ...asset, kind: facts.kind, probe: facts.probe });
  } catch (error) {
    return settleStageFailure(job, { stage: 'ingest', startedAt, tools }, error);
  }
}

async function carryOn(job: StageJob, asset: StagedAsset): Promise<StageOutcome> {
  if (asset.kind === 'IMAGE') return makeAssetReady(job, asset);
  await enqueue('preprocess', { v: 1, projectId: job.projectId, assetId: job.assetId, kind: preprocessKindFor(asset.kind) });
  return { done: 'OK' };
}
