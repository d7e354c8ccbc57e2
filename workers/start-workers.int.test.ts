import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '@/server/context';
import { db } from '@/server/db';
import { closeQueues, enqueue, getQueue } from '@/server/jobs/enqueue';
import { retryJobFailure } from '@/server/ops/retry-job-failure';
import { startWorkers, type WorkerPool } from './start-workers';
import { jobState, waitFor, waitForJobState } from './test-support';

let admin: Ctx;
let pool: WorkerPool | undefined;
let lines: string[];

function start(): WorkerPool {
  lines = [];
  pool = startWorkers({ queues: ['health'], log: (line) => lines.push(line) });
  return pool;
}

beforeAll(async () => {
  const user = await db().user.create({ data: { email: 'ops@example.test', name: 'Ops', isSiteAdmin: true } });
  admin = { actor: { id: user.id, email: user.email, name: user.name, isSiteAdmin: true }, via: 'session' };
});
afterEach(async () => {
  await pool?.close({ timeoutMs: 10_000 });
  pool = undefined;
});
afterAll(closeQueues);

describe('startWorkers', () => {
  it('completes a health job and logs its start and end with durations', async () => {
    start();
    const jobId = await enqueue('health', { v: 1, nonce: 'ok1' });
    await waitForJobState('health', jobId, 'completed');
    const job = await getQueue('health').getJob(jobId);
    expect(job?.returnvalue).toMatchObject({ ok: true, workerPid: process.pid });
    expect(new Date(job?.returnvalue.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(lines).toContainEqual(expect.stringMatching(`event=started queue=health job=${jobId} .*queuedMs=\\d+`));
    expect(lines).toContainEqual(expect.stringMatching(`event=completed queue=health job=${jobId} .*runMs=\\d+ totalMs=\\d+`));
  });

  it('retries a failing job, then writes exactly one dead letter; a retry of it makes a new job', async () => {
    const pool = start();
    const payload = { v: 1 as const, nonce: 'boom1', fail: true };
    const jobId = await enqueue('health', payload);
    const first = await waitFor(() => db().jobFailure.findFirst({ where: { jobId } }), 'the dead letter');
    expect(first).toMatchObject({ queue: 'health', jobName: 'health', attemptsMade: 2, projectId: null, payload });
    expect(first.reason).toMatch(/asked to fail/);
    expect(first.stack).toMatch(/check-worker-health/);
    expect(lines).toContainEqual(expect.stringMatching(`event=failed queue=health job=${jobId} .*final=false attempt=1`));
    expect(lines).toContainEqual(expect.stringMatching(`event=failed queue=health job=${jobId} .*final=true attempt=2`));

    const retried = await retryJobFailure(admin, { failureId: first.id });
    expect(retried.jobId).not.toBe(jobId);
    const second = await waitFor(() => db().jobFailure.findFirst({ where: { jobId: retried.jobId } }), 'the retry to fail');
    expect(second.payload).toEqual(payload);

    await pool.close({ timeoutMs: 10_000 });
    expect(await db().jobFailure.count({ where: { jobId } })).toBe(1);
    expect(await db().jobFailure.count({ where: { jobId: retried.jobId } })).toBe(1);
  });

  it('fails a malformed payload at once, without retries, into the dead-letter table', async () => {
    const pool = start();
    // Forced past enqueue's validation, as an old producer or a hand-edited job could.
    const job = await getQueue('health').add('health', { v: 2, nonce: 7 }, { jobId: 'health-raw-bad', attempts: 5 });
    const row = await waitFor(() => db().jobFailure.findFirst({ where: { jobId: 'health-raw-bad' } }), 'the dead letter');
    expect(row.attemptsMade).toBe(1);
    expect(row.reason).toMatch(/^Invalid health payload: v: .*nonce: /);
    await pool.close();
    const failed = await getQueue('health').getJob(job.id ?? '');
    expect(await failed?.getState()).toBe('failed');
    expect(failed?.attemptsMade).toBe(1);
  });

  it('closes gracefully: a running job finishes before close resolves', async () => {
    const pool = start();
    const jobId = await enqueue('health', { v: 1, nonce: 'slow1', holdMs: 800 });
    await waitForJobState('health', jobId, 'active');
    const result = await pool.close({ timeoutMs: 10_000 });
    expect(result).toEqual({ timedOut: false });
    expect(await jobState('health', jobId)).toBe('completed');
    expect(pool.workers.get('health')?.isRunning()).toBe(false);
  });

  it('takes no new jobs once closed', async () => {
    const pool = start();
    await pool.close();
    const jobId = await enqueue('health', { v: 1, nonce: 'after-close' });
    await sleep(300);
    expect(await jobState('health', jobId)).toBe('waiting');
  });
});
