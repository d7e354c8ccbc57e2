import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Worker } from 'bullmq';
import { afterAll, expect, it } from 'vitest';
import { seedFinishedImages } from '@/prisma/factories/seed-finished-images';
import { PROCESSORS } from '@/workers/processor-registry';
import { waitFor } from '@/workers/test-support';
import { env } from '../env';
import { closeQueues, getQueue } from '../jobs/enqueue';
import { createRedis, redis } from '../redis';
import { one, sql } from '../sql';
import { buildExport } from './build-export';
import { createSnapshot } from './create-snapshot';
import { requestExport } from './request-export';

// An export worker SIGKILLed mid-build: nothing half-built is published (the export stays unready,
// no blob is registered), another worker takes the job over, and what it publishes is the same bytes
// as a build that was never interrupted.

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

const exportRow = async (id: string) =>
  (await one<{ status: string; done: number; blobSha256: string | null }>(
    sql`SELECT status::text AS status, done, "blobSha256" FROM "SnapshotExport" WHERE id = ${id}`,
  ))!;

it('a worker killed mid-export publishes nothing; another finishes it to the same bytes', async () => {
  // 20,000 images × 10 boxes: COCO takes the worker a few seconds, long enough to kill it mid-build.
  const { ctx, projectId } = await seedFinishedImages(20_000, 10);
  const snapshot = await createSnapshot(ctx, { projectId, name: 'killed' });
  const proc = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
    cwd: root,
    env: { ...process.env, WORKER_QUEUES: 'export' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  let output = '';
  proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(async () => output.includes('event=ready'), 'the worker process to start', 20_000);

  const requested = await requestExport(ctx, { projectId, version: snapshot.version, format: 'coco', includeMedia: false });
  await waitFor(async () => (await exportRow(requested.id)).done > 0, 'the export to be under way', 20_000);
  proc.kill('SIGKILL');
  await waitFor(async () => proc.signalCode === 'SIGKILL', 'the worker process to die');
  const killed = await exportRow(requested.id);
  expect(killed).toMatchObject({ status: 'BUILDING', blobSha256: null });
  expect(await one(sql`SELECT 1 AS found FROM "Blob" WHERE mime = 'application/zip'`)).toBeUndefined();

  // The dead worker's lock and the stalled-check throttle lapse after 30 s each: deleting them is that time passing.
  const jobId = `export-${requested.id}`;
  expect(
    await getQueue('export')
      .getJob(jobId)
      .then((j) => j?.getState()),
  ).toBe('active');
  const queueKey = `${env().QUEUE_PREFIX}:export`;
  await redis().del(`${queueKey}:${jobId}:lock`, `${queueKey}:stalled-check`);
  const spec = PROCESSORS.export!;
  rescuer = new Worker('export', (job) => spec.process(job), {
    connection: rescuerConnection,
    prefix: env().QUEUE_PREFIX,
    stalledInterval: 200,
  });
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
