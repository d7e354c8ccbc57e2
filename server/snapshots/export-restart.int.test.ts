import { afterAll, expect, it } from 'vitest';
import { seedFinishedImages } from '@/prisma/factories/seed-finished-images';
import { waitFor } from '@/workers/test-support';
import { rescueStalledJob, startWorkerProcess, stopWorkerProcesses } from '@/workers/worker-process-support';
import { closeQueues, getQueue } from '../jobs/enqueue';
import { one, sql } from '../sql';
import { buildExport } from './build-export';
import { createSnapshot } from './create-snapshot';
import { requestExport } from './request-export';

// An export worker SIGKILLed mid-build: nothing half-built is published (the export stays unready,
// no blob is registered), another worker takes the job over, and what it publishes is the same bytes
// as a build that was never interrupted.

afterAll(async () => {
  await stopWorkerProcesses();
  await closeQueues();
});

const exportRow = async (id: string) =>
  (await one<{ status: string; done: number; blobSha256: string | null }>(
    sql`SELECT status::text AS status, done, "blobSha256" FROM "SnapshotExport" WHERE id = ${id}`,
  ))!;

it('a worker killed mid-export publishes nothing; another finishes it to the same bytes', async () => {
  // 20,000 images × 10 boxes: COCO takes the worker a few seconds, long enough to kill it mid-build.
  const { ctx, projectId } = await seedFinishedImages(20_000, 10);
  const snapshot = await createSnapshot(ctx, { projectId, name: 'killed' });
  const { proc, output } = startWorkerProcess({ WORKER_QUEUES: 'export' });
  await waitFor(async () => output.text.includes('event=ready'), 'the worker process to start', 20_000);

  const requested = await requestExport(ctx, { projectId, version: snapshot.version, format: 'coco', includeMedia: false });
  await waitFor(async () => (await exportRow(requested.id)).done > 0, 'the export to be under way', 20_000);
  proc.kill('SIGKILL');
  await waitFor(async () => proc.signalCode === 'SIGKILL', 'the worker process to die');
  const killed = await exportRow(requested.id);
  expect(killed).toMatchObject({ status: 'BUILDING', blobSha256: null });
  expect(await one(sql`SELECT 1 AS found FROM "Blob" WHERE mime = 'application/zip'`)).toBeUndefined();

  const jobId = `export-${requested.id}`;
  expect(
    await getQueue('export')
      .getJob(jobId)
      .then((j) => j?.getState()),
  ).toBe('active');
  await rescueStalledJob('export', jobId);
  const rescued = await waitFor(
    async () => {
      const row = await exportRow(requested.id);
      return row.status === 'READY' && row;
    },
    'another worker to finish the export',
    60_000,
  );

  // Built again from scratch in this process: the same bytes.
  await one(sql`UPDATE "SnapshotExport" SET status = 'QUEUED', "blobSha256" = NULL WHERE id = ${requested.id} RETURNING id`);
  expect((await buildExport(requested.id))!.sha256).toBe(rescued.blobSha256);
}, 120_000);
