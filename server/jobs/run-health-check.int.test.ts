import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorCtx } from '@/tests/api/api-users';
import { startWorkers } from '@/workers/start-workers';
import type { Ctx } from '../context';
import { closeQueues, getQueue } from './enqueue';
import { runHealthCheck } from './run-health-check';

let admin: Ctx;
let annotator: Ctx;

beforeAll(async () => {
  [admin, annotator] = await Promise.all([actorCtx({ isSiteAdmin: true }), actorCtx()]);
});
afterAll(closeQueues);

describe('runHealthCheck', () => {
  it('says no worker answered, and removes its unclaimed job, when nothing consumes the queue', async () => {
    const result = await runHealthCheck(admin, { timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, workerPid: null, at: null });
    expect(result.error).toMatch(/No worker finished the check within 300 ms \(it was waiting\)/);
    expect(result.ms).toBeGreaterThanOrEqual(300);
    expect(await getQueue('health').getJob(result.jobId)).toBeUndefined();
  });

  it("gets a running worker's answer", async () => {
    const pool = startWorkers({ queues: ['health'], log: () => undefined });
    try {
      const result = await runHealthCheck(admin, { timeoutMs: 5_000 });
      expect(result).toMatchObject({ ok: true, workerPid: process.pid, error: null });
      expect(result.ms).toBeLessThan(5_000);
    } finally {
      await pool.close();
    }
  });

  it('is for site admins only', async () => {
    await expect(runHealthCheck(annotator)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await getQueue('health').count()).toBe(0);
  });
});
