import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, expect, it } from 'vitest';
import { waitFor, waitForJobState } from '@/workers/test-support';
import { rescueStalledJob, startWorkerProcess, stopWorkerProcesses } from '@/workers/worker-process-support';
import { db } from '../db';
import { closeQueues, getQueue } from '../jobs/enqueue';
import { importTarget, settledAsset } from './pipeline-test-support';

afterAll(async () => {
  await stopWorkerProcesses();
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
  const { proc, output } = startWorkerProcess({ WORKER_QUEUES: 'ingest' });
  await waitFor(async () => output.text.includes('event=ready'), 'the worker process to start', 20_000);

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
  expect(output.text).toContain(`event=started queue=ingest job=${jobId}`);
  // Killed mid-job: the asset is still STAGED and BullMQ still sees the job as active.
  expect((await db().asset.findUniqueOrThrow({ where: { id: assetId } })).stage).toBe('STAGED');
  expect(
    await getQueue('ingest')
      .getJob(jobId)
      .then((j) => j?.getState()),
  ).toBe('active');

  expect(await rescueStalledJob('ingest', jobId)).toBe(2);

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
