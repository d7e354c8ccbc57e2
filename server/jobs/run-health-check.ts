import { randomBytes } from 'node:crypto';
import { Job, QueueEvents } from 'bullmq';
import type { THealthCheckResult } from '@/lib/schemas/ops';
import type { Ctx } from '../context';
import { createRedis } from '../redis';
import { env } from '../env';
import { requireSiteAdmin } from '../permissions';
import { ZHealthJobResultSchema } from './check-worker-health';
import { enqueue, getQueue } from './enqueue';

/**
 * Sends one health job and waits for a worker's answer. A timeout is an answer too (no worker is
 * consuming): the unclaimed job is removed so checks do not pile up in an unattended queue.
 */
export async function runHealthCheck(ctx: Ctx, input: { timeoutMs?: number } = {}): Promise<THealthCheckResult> {
  requireSiteAdmin(ctx);
  const timeoutMs = input.timeoutMs ?? 5_000;
  const connection = createRedis();
  const events = new QueueEvents('health', { connection, prefix: env().QUEUE_PREFIX });
  const started = performance.now();
  try {
    await events.waitUntilReady();
    const jobId = await enqueue('health', { v: 1, nonce: randomBytes(12).toString('hex') });
    const job = await Job.fromId(getQueue('health'), jobId);
    if (!job) throw new Error(`Health job ${jobId} vanished before it could be watched`);
    try {
      const result = ZHealthJobResultSchema.parse(await job.waitUntilFinished(events, timeoutMs));
      return { ok: true, jobId, ms: elapsed(started), workerPid: result.workerPid, at: result.at, error: null };
    } catch (error) {
      const state = await job.getState();
      if (state === 'waiting') await job.remove().catch(() => undefined);
      const message =
        state === 'failed' || state === 'completed'
          ? `The worker's answer was a failure: ${error instanceof Error ? error.message : String(error)}`
          : `No worker finished the check within ${timeoutMs} ms (it was ${state}): is a worker process running?`;
      return { ok: false, jobId, ms: elapsed(started), workerPid: null, at: null, error: message };
    }
  } finally {
    await events.close();
    connection.disconnect();
  }
}

function elapsed(since: number): number {
  return Math.round(performance.now() - since);
}
