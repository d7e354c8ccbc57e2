import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'bullmq';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';
import { PROCESSORS } from '@/workers/processor-registry';
import { waitFor, waitForJobState } from '@/workers/test-support';
import { db } from '../db';
import { env } from '../env';
import { closeQueues, getQueue } from '../jobs/enqueue';
import { createRedis, redis } from '../redis';
import { importTarget, settledAsset } from './pipeline-test-support';

const root = path.resolve(import.meta.dirname, '../..');
let child: ChildProcess | undefined;
let rescuer: Worker | undefined;
const rescuerConnection = createRedis();

afterAll(async () => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rescuer?.close();
  rescuerConnection.disconnect();
  await closeQueues();
});

// An 8000 × 8000 PNG of random pixels, stored uncompressed: made in ~2 s, and its thumbnails take
// the worker about a second, long enough to kill it mid-job.
async function slowPng(): Promise<Buffer> {
  const side = 8000;
  return sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
    .png({ compressionLevel: 0, adaptiveFiltering: false })
    .toBuffer();
}

it('a worker SIGKILLed mid-job (making thumbnails): another worker finishes the job, nothing is duplicated', async () => {
  const target = await importTarget();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
    cwd: root,
    env: { ...process.env, WORKER_QUEUES: 'ingest' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let output = '';
  proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(async () => output.includes('event=ready'), 'the worker process to start', 20_000);

  const { assetId } = await target.upload('big.png', await slowPng());
  const jobId = `ingest-${assetId}`;
  // Staged: the header is read and the thumbnails are being made.
  await waitFor(
    async () => (await db().asset.findUniqueOrThrow({ where: { id: assetId } })).stage === 'STAGED',
    'staging',
    20_000,
  );
  proc.kill('SIGKILL');
  await waitFor(async () => proc.signalCode === 'SIGKILL', 'the worker process to die');
  expect(output).toContain(`event=started queue=ingest job=${jobId}`);
  // Killed mid-job: the asset is still STAGED and BullMQ still sees the job as active.
  expect((await db().asset.findUniqueOrThrow({ where: { id: assetId } })).stage).toBe('STAGED');
  expect(
    await getQueue('ingest')
      .getJob(jobId)
      .then((j) => j?.getState()),
  ).toBe('active');

  // Left alone, the dead worker's job lock lapses after its lockDuration (30 s) and its stalled-check
  // throttle after its stalledInterval (30 s); deleting both keys is that half minute passing.
  const queueKey = `${env().QUEUE_PREFIX}:ingest`;
  expect(await redis().del(`${queueKey}:${jobId}:lock`, `${queueKey}:stalled-check`)).toBe(2);
  const spec = PROCESSORS.ingest!;
  rescuer = new Worker('ingest', (job) => spec.process(job), {
    connection: rescuerConnection,
    prefix: env().QUEUE_PREFIX,
    stalledInterval: 200,
  });

  const asset = await settledAsset(assetId, 30_000);
  expect(asset.stage).toBe('READY');
  expect(asset.derivatives.map((d) => [d.kind, d.variant])).toEqual([
    ['THUMBNAIL', '1024'],
    ['THUMBNAIL', '256'],
  ]);
  expect(await db().assetDerivative.count({ where: { assetId } })).toBe(2);
  expect(asset.stageRuns.map((r) => [r.stage, r.outcome])).toEqual([
    ['ingest', 'OK'],
    ['preprocess', 'OK'],
  ]);
  await waitForJobState('ingest', jobId, 'completed');
}, 90_000);
