import { setTimeout as sleep } from 'node:timers/promises';
import type { TQueueName } from '@/lib/schemas/ops';
import { getQueue } from '@/server/jobs/enqueue';

// Shared by the queue and worker integration tests: they watch real jobs move through Redis.

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

export async function jobState(queue: TQueueName, jobId: string): Promise<string | undefined> {
  return (await getQueue(queue).getJob(jobId))?.getState();
}

export function waitForJobState(queue: TQueueName, jobId: string, state: string, timeoutMs?: number): Promise<true> {
  return waitFor(async () => (await jobState(queue, jobId)) === state, `job ${jobId} to be ${state}`, timeoutMs);
}
