import type { TQueueName } from '@/lib/schemas/ops';
import { env } from '../env';
import { AppError } from '../errors';
import { getQueue } from './enqueue';

// The queues a new file adds work to. Active jobs are left out: they are being worked on.
const PIPELINE: TQueueName[] = ['fetch', 'ingest', 'preprocess'];
const CACHE_MS = 1000;

let cached: { at: number; backlog: Promise<number> } | undefined;

/** Jobs waiting (or delayed for a retry) in the pipeline, counted at most once a second per process. */
export function pipelineBacklog(now = Date.now()): Promise<number> {
  if (!cached || now - cached.at > CACHE_MS) {
    const backlog = countBacklog();
    cached = { at: now, backlog };
    // A failed count is not kept: the next request asks Redis again.
    backlog.catch(() => {
      if (cached?.backlog === backlog) cached = undefined;
    });
  }
  return cached.backlog;
}

async function countBacklog(): Promise<number> {
  const counts = await Promise.all(
    PIPELINE.map((name) => getQueue(name).getJobCounts('waiting', 'prioritized', 'delayed', 'paused')),
  );
  return counts.reduce((sum, c) => sum + (c.waiting ?? 0) + (c.prioritized ?? 0) + (c.delayed ?? 0) + (c.paused ?? 0), 0);
}

/**
 * Backpressure for uploads and imports: past MAX_PIPELINE_BACKLOG waiting jobs, refuse new files with
 * 429 and a Retry-After that grows with the overload (a hint for clients, not a promise).
 */
export async function assertPipelineCapacity(limit = env().MAX_PIPELINE_BACKLOG): Promise<void> {
  const backlog = await pipelineBacklog();
  if (backlog < limit) return;
  const retryAfter = Math.min(300, 5 + Math.ceil((30 * (backlog - limit)) / limit));
  throw new AppError('RATE_LIMITED', `The processing pipeline is saturated (${backlog} files waiting); try again shortly`, {
    retryAfter,
  });
}

/** For tests: forget the cached count. */
export function resetPipelineBacklogCache(): void {
  cached = undefined;
}
