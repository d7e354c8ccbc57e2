import { z } from 'zod';
import type { TQueueName } from '@/lib/schemas/ops';
import { processedQueues } from './processor-registry';

// Settings of the worker process only; the shared ones (DATABASE_URL, REDIS_URL, QUEUE_PREFIX)
// come from server/env.ts. WORKER_QUEUES lets each queue scale in its own processes.
const ZWorkerEnvSchema = z.object({
  WORKER_QUEUES: z.string().trim().optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).optional(),
  WORKER_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(30_000),
});

export interface WorkerEnv {
  queues: TQueueName[];
  concurrency?: number;
  shutdownTimeoutMs: number;
}

export function parseWorkerEnv(source: Record<string, string | undefined>): WorkerEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = ZWorkerEnvSchema.parse(cleaned);
  const available = processedQueues();
  const queues = parsed.WORKER_QUEUES ? parsed.WORKER_QUEUES.split(',').map((q) => q.trim()) : available;
  const unknown = queues.filter((q) => !(available as string[]).includes(q));
  if (unknown.length > 0) {
    throw new Error(`WORKER_QUEUES names queues without a processor: ${unknown.join(', ')} (have: ${available.join(', ')})`);
  }
  return {
    queues: queues as TQueueName[],
    concurrency: parsed.WORKER_CONCURRENCY,
    shutdownTimeoutMs: parsed.WORKER_SHUTDOWN_TIMEOUT_MS,
  };
}
