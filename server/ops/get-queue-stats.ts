import type { Job, Queue } from 'bullmq';
import { QUEUE_NAMES, type TQueueStat, type TQueueStats } from '@/lib/schemas/ops';
import type { Ctx } from '../context';
import { db } from '../db';
import { getQueue } from '../jobs/enqueue';
import { requireSiteAdmin } from '../permissions';

const LATENCY_SAMPLE = 50;

/** The stage dashboard: per queue, its backlog, who consumes it, its dead letters and its latency. */
export async function getQueueStats(ctx: Ctx): Promise<TQueueStats> {
  requireSiteAdmin(ctx);
  const open = await db().jobFailure.groupBy({
    by: ['queue'],
    where: { retriedAt: null, discardedAt: null },
    _count: { _all: true },
  });
  const openByQueue = new Map(open.map((row) => [row.queue, row._count._all]));
  const queues = await Promise.all(QUEUE_NAMES.map((name) => queueStat(getQueue(name), openByQueue.get(name) ?? 0)));
  return { queues, checkedAt: new Date().toISOString() };
}

async function queueStat(queue: Queue, openFailures: number): Promise<TQueueStat> {
  const [counts, paused, workers, recent] = await Promise.all([
    queue.getJobCounts('waiting', 'prioritized', 'active', 'completed', 'failed', 'delayed', 'paused'),
    queue.isPaused(),
    // CLIENT LIST, which some managed Redis services disable: the rest of the figures still stand.
    queue.getWorkersCount().catch(() => null),
    queue.getCompleted(0, LATENCY_SAMPLE - 1),
  ]);
  return {
    name: queue.name as TQueueStat['name'],
    paused,
    workers,
    // A paused queue holds its backlog in "paused"; prioritized jobs wait in their own set.
    waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.paused ?? 0),
    active: counts.active ?? 0,
    completed: counts.completed ?? 0,
    failed: counts.failed ?? 0,
    delayed: counts.delayed ?? 0,
    openFailures,
    latency: latencyOf(recent),
  };
}

function latencyOf(jobs: Job[]): TQueueStat['latency'] {
  const timed = jobs.flatMap(({ timestamp, processedOn, finishedOn }) =>
    processedOn !== undefined && finishedOn !== undefined ? [{ timestamp, processedOn, finishedOn }] : [],
  );
  const waits = timed.map((job) => job.processedOn - job.timestamp);
  const runs = timed.map((job) => job.finishedOn - job.processedOn);
  return {
    samples: timed.length,
    waitMsP50: percentile(waits, 0.5),
    runMsP50: percentile(runs, 0.5),
    runMsP95: percentile(runs, 0.95),
  };
}

function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? null;
}
