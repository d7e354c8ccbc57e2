import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { db } from '../db';
import { blobStore } from '../storage/blob-store';
import { makeDerivatives } from './make-derivatives';
import { pipelineLimits } from './pipeline-limits';
import type { StageOutcome } from './probe-asset';
import { recordStageRun } from './record-stage-run';
import { settleStageFailure } from './settle-stage-failure';
import type { StageJob } from './stage-job';
import { storeDerivative } from './store-derivative';

/**
 * The preprocess stage: STAGED → READY once every derivative of the asset is stored (or QUARANTINED
 * when the first full decode finds the file broken). Safe to run twice: derivatives are upserted
 * on (asset, kind, variant), and an asset that is not STAGED is left alone.
 */
export async function preprocessAsset(job: StageJob): Promise<StageOutcome> {
  const asset = await db().asset.findFirst({
    where: { id: job.assetId, projectId: job.projectId },
    select: { id: true, stage: true, kind: true, blobSha256: true, probe: true },
  });
  if (!asset) return { skipped: 'no such asset in this project' };
  if (asset.stage !== 'STAGED') return { skipped: `asset is ${asset.stage}` };

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
    for (const file of files) {
      tools[file.tool] = file.toolVersion;
      await storeDerivative(asset.id, file);
    }
    const ready = await db().$transaction(async (tx) => {
      const { count } = await tx.asset.updateMany({
        where: { id: asset.id, stage: 'STAGED' },
        data: { stage: 'READY', readyAt: new Date() },
      });
      if (count === 1) await recordStageRun(tx, job, { stage: 'preprocess', outcome: 'OK', tools, startedAt });
      return count === 1;
    });
    return ready ? { done: 'OK' } : { skipped: 'made ready by another run' };
  } catch (error) {
    return settleStageFailure(job, { stage: 'preprocess', startedAt, tools }, error);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
