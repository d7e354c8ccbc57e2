import { type Job, UnrecoverableError } from 'bullmq';
import type { TQueueName } from '@/lib/schemas/ops';
import { queueDefinition, type TQueuePayload } from '@/server/jobs/queues';

/** How one queue's jobs are processed, and how many at once per worker process by default. */
export interface ProcessorSpec {
  concurrency: number;
  process(job: Job): Promise<unknown>;
  /** Housekeeping for this queue's work, run every `everyMs` by each process that consumes the queue. */
  sweep?: { everyMs: number; run(): Promise<unknown> };
  /**
   * When BullMQ gives up on a job (attempts spent, an UnrecoverableError, or stalled too often: a
   * worker killed on its last attempt), beside its dead-letter row: settle what the job left pending.
   */
  onFinalFailure?(job: Job, error: Error): Promise<void>;
}

/**
 * A payload that does not match its queue's schema will not match on a retry either, so it fails
 * at once (UnrecoverableError) and goes straight to the dead-letter table.
 */
export function parseJobPayload<N extends TQueueName>(queue: N, job: Job): TQueuePayload<N> {
  const result = queueDefinition(queue).schema.safeParse(job.data);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`);
    throw new UnrecoverableError(`Invalid ${queue} payload: ${issues.join('; ')}`);
  }
  return result.data as TQueuePayload<N>;
}
