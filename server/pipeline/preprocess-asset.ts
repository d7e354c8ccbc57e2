import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AssetKind, AssetStage } from '../generated/prisma/enums';
import { one, sql, transaction } from '../sql';
import { blobStore } from '../storage/blob-store';
import { makeDerivatives } from './make-derivatives';
import { pipelineLimits } from './pipeline-limits';
import type { StageOutcome } from './probe-asset';
import { recordStageRun } from './record-stage-run';
import { settleStageFailure } from './settle-stage-failure';
import type { StageJob } from './stage-job';
import { putDerivative, recordDerivatives } from './store-derivative';
import { queueReadyAsset } from '../workflow/queue-ready-asset';

export interface StagedAsset {
  id: string;
  kind: AssetKind;
  blobSha256: string;
  /** Asset.probe as the ingest stage wrote it. */
  probe: unknown;
}

/** The job's asset as the stages need it, in plain SQL (every pipeline job starts here). */
export function loadStageAsset(job: StageJob): Promise<(StagedAsset & { stage: AssetStage }) | undefined> {
  return one(
    sql`SELECT id, stage::text AS stage, kind::text AS kind, "blobSha256", probe
      FROM "Asset" WHERE id = ${job.assetId} AND "projectId" = ${job.projectId}`,
  );
}

/**
 * The preprocess job: STAGED → READY once every derivative of the asset is stored (or QUARANTINED
 * when the first full decode finds the file broken). An asset that is not STAGED is left alone.
 */
export async function preprocessAsset(job: StageJob): Promise<StageOutcome> {
  const asset = await loadStageAsset(job);
  if (!asset) return { skipped: 'no such asset in this project' };
  if (asset.stage !== 'STAGED') return { skipped: `asset is ${asset.stage}` };
  return makeAssetReady(job, asset);
}

/**
 * The preprocess stage itself, for the preprocess job and for images, which the ingest job carries
 * on with (their thumbnails take less time than another queue hop). Safe to run twice: the move to
 * READY is conditional, and only the run that makes it records derivatives.
 */
export async function makeAssetReady(job: StageJob, asset: StagedAsset): Promise<StageOutcome> {
  const startedAt = new Date();
  const tools: Record<string, string> = {};
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'loupe-preprocess-'));
  try {
    const files = await makeDerivatives({
      kind: asset.kind,
      filePath: await blobStore().localPath(asset.blobSha256),
      probe: asset.probe,
      workDir,
      limits: pipelineLimits(),
    });
    for (const file of files) tools[file.tool] = file.toolVersion;
    const stored = await Promise.all(files.map(putDerivative));
    // One commit for every derivative row, the READY stage, the run record and (if the project asks) its task.
    const ready = await transaction(async (tx) => {
      const moved = await one(
        sql`UPDATE "Asset" SET stage = 'READY', "readyAt" = now(), "updatedAt" = now()
          WHERE id = ${asset.id} AND stage = 'STAGED' RETURNING id`,
        tx,
      );
      // Another delivery of this job got there first: its derivatives and run are the ones on record.
      if (!moved) return false;
      await recordDerivatives(tx, asset.id, stored);
      await recordStageRun(tx, job, { stage: 'preprocess', outcome: 'OK', tools, startedAt });
      await queueReadyAsset(tx, asset.id);
      return true;
    });
    return ready ? { done: 'OK' } : { skipped: 'made ready by another run' };
  } catch (error) {
    return settleStageFailure(job, { stage: 'preprocess', startedAt, tools }, error);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
