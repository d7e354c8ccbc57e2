import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorCtx } from '@/tests/api/api-users';
import { ZQueueStatsSchema } from '@/lib/schemas/ops';
import { startWorkers } from '@/workers/start-workers';
import { waitForJobState } from '@/workers/test-support';
import type { Ctx } from '../context';
import { db } from '../db';
import { closeQueues, enqueue, getQueue } from '../jobs/enqueue';
import { getQueueStats } from './get-queue-stats';

let admin: Ctx;
let annotator: Ctx;

beforeAll(async () => {
  [admin, annotator] = await Promise.all([actorCtx({ isSiteAdmin: true }), actorCtx()]);
});
afterAll(closeQueues);

const statOf = async (name: string) => (await getQueueStats(admin)).queues.find((q) => q.name === name);

describe('getQueueStats', () => {
  it('refuses anyone but a site admin', async () => {
    await expect(getQueueStats(annotator)).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
  });

  it('lists every registered queue, including those nothing processes yet', async () => {
    const stats = ZQueueStatsSchema.parse(await getQueueStats(admin));
    expect(stats.queues.map((q) => q.name)).toEqual(['health', 'fetch', 'ingest', 'preprocess', 'embed', 'export', 'quality', 'migrate']);
    expect(stats.queues.every((q) => q.workers === 0)).toBe(true);
  });

  it('counts the backlog, the paused flag and the open dead letters', async () => {
    await enqueue('embed', { v: 1, projectId: 'p1', assetId: 'a1', model: 'mobilenet', modelVersion: '2' });
    await enqueue('embed', { v: 1, projectId: 'p1', assetId: 'a2', model: 'mobilenet', modelVersion: '2' });
    await getQueue('embed').pause();
    await db().jobFailure.createMany({
      data: [
        { queue: 'embed', jobId: 'j1', jobName: 'mobilenet', payload: {}, reason: 'x', attemptsMade: 3 },
        { queue: 'embed', jobId: 'j2', jobName: 'mobilenet', payload: {}, reason: 'x', attemptsMade: 3, discardedAt: new Date() },
      ],
    });
    expect(await statOf('embed')).toMatchObject({ waiting: 2, active: 0, paused: true, openFailures: 1 });
    expect(await statOf('export')).toMatchObject({ waiting: 0, paused: false, openFailures: 0 });
  });

  it('shows the workers consuming a queue and the latency of its recent jobs', async () => {
    const pool = startWorkers({ queues: ['health'], log: () => undefined });
    try {
      await pool.workers.get('health')?.waitUntilReady();
      const ids = await Promise.all([1, 2, 3].map((n) => enqueue('health', { v: 1, nonce: `lat${n}`, holdMs: 50 })));
      for (const id of ids) await waitForJobState('health', id, 'completed');
      const health = await statOf('health');
      expect(health).toMatchObject({ workers: 1, completed: 3, waiting: 0, active: 0 });
      expect(health?.latency.samples).toBe(3);
      expect(health?.latency.runMsP50).toBeGreaterThanOrEqual(50);
      expect(health?.latency.waitMsP50).toBeGreaterThanOrEqual(0);
    } finally {
      await pool.close();
    }
  });
});
