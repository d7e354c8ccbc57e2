import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createImportBatch } from '../prisma/factories/create-import-batch';
import { ingestFile } from '../server/assets/ingest-file';
import type { Ctx } from '../server/context';
import { db } from '../server/db';
import { closeQueues } from '../server/jobs/enqueue';
import { round } from './percentiles';

const INGEST_TIMEOUT_MS = 30 * 60_000;

export interface IngestFigures {
  /** ingestFile (hashing and storing the bytes, the RAW asset, the ingest job) to READY. */
  seconds: number;
  store_seconds: number;
  /** The stage runs' own durations (AssetStageRun): the probe, then the derivatives (peaks, proxies, frame map…). */
  probe_seconds: number;
  preprocess_seconds: number;
}

/**
 * The upload's path, for the editor benches: ingestFile streams the file into the blob store and
 * queues `ingest`; a worker process (workers/main.ts, as `npm run workers` runs it, ingest +
 * preprocess queues) probes it and queues `preprocess`, which makes the derivatives. The clock
 * starts once the workers listen; `what` names the file in errors ("the bench video").
 */
export async function ingestThroughWorkers(
  ctx: Ctx,
  input: { projectId: string; file: string; name: string; mime: string; label: string; what: string },
): Promise<{ assetId: string; ingest: IngestFigures }> {
  const { projectId, what } = input;
  const batch = await createImportBatch(db(), {
    projectId,
    source: 'UPLOAD',
    label: input.label,
    createdById: ctx.actor.id,
  });
  const workers = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
    env: { ...process.env, WORKER_QUEUES: 'ingest,preprocess' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const killWorkers = () => workers.kill('SIGKILL');
  process.once('exit', killWorkers);
  try {
    const lines = createInterface({ input: workers.stdout! });
    const ready = new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => {
        if (line.includes('event=ready')) resolve();
        else if (/error|fail/i.test(line)) console.error(`workers: ${line}`);
      });
      workers.once('exit', (code) => reject(new Error(`the worker process exited (${code}) before it was ready`)));
    });
    await ready;
    const started = performance.now();
    const { assetId, status } = await ingestFile(ctx, {
      projectId,
      batchId: batch.id,
      name: input.name,
      source: 'UPLOAD',
      declaredMime: input.mime,
      bytes: createReadStream(input.file),
    });
    const storeSeconds = (performance.now() - started) / 1000;
    if (status !== 'ACCEPTED') throw new Error(`ingestFile answered ${status} for ${what}`);
    for (;;) {
      const asset = await db().asset.findUniqueOrThrow({ where: { id: assetId }, select: { stage: true, failureReason: true } });
      if (asset.stage === 'READY') break;
      if (asset.stage === 'QUARANTINED') throw new Error(`${what} was quarantined: ${asset.failureReason}`);
      const failure = await db().jobFailure.findFirst({ where: { payload: { path: ['assetId'], equals: assetId } } });
      if (failure) throw new Error(`the ${failure.queue} job of ${what} failed: ${failure.reason}`);
      if (performance.now() - started > INGEST_TIMEOUT_MS) throw new Error(`${what} was still ${asset.stage} after 30 min`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const seconds = (performance.now() - started) / 1000;
    const runs = await db().assetStageRun.findMany({
      where: { assetId, outcome: 'OK' },
      select: { stage: true, durationMs: true },
    });
    const runSeconds = (stage: string) => round((runs.find((r) => r.stage === stage)?.durationMs ?? NaN) / 1000, 1);
    return {
      assetId,
      ingest: {
        seconds: round(seconds, 1),
        store_seconds: round(storeSeconds, 1),
        probe_seconds: runSeconds('ingest'),
        preprocess_seconds: runSeconds('preprocess'),
      },
    };
  } finally {
    // ingestFile's queue connection would keep the bench process alive.
    await closeQueues();
    process.off('exit', killWorkers);
    if (workers.exitCode === null && workers.signalCode === null) {
      workers.kill('SIGTERM');
      await once(workers, 'exit');
    }
  }
}
