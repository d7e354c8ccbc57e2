import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { Worker } from 'bullmq';
import type { TQueueName } from '@/lib/schemas/ops';
import { env } from '@/server/env';
import { createRedis, redis } from '@/server/redis';
import { PROCESSORS } from './processor-registry';

// For tests that run the real worker process (workers/main.ts) as a child and kill it. Run under
// `node --import tsx`, not the tsx CLI: the CLI relays a signal and SIGKILLs its child when the child
// does not acknowledge within 30 ms, which a loaded machine misses (exit 143, no graceful stop).

const root = path.resolve(import.meta.dirname, '..');
const children: ChildProcess[] = [];
const rescuers: { worker: Worker; connection: ReturnType<typeof createRedis> }[] = [];

export function startWorkerProcess(extraEnv: Record<string, string> = {}) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
    cwd: root,
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(proc);
  const output = { text: '' };
  proc.stdout.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  const exited = once(proc, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  return { proc, output, exited };
}

/**
 * What happens half a minute after a worker died mid-job: its job lock lapses (lockDuration, 30 s)
 * and the stalled-check throttle too (stalledInterval, 30 s). Deleting both keys is that time
 * passing; a worker started here then finds the job stalled and runs it again. Answers how many of
 * the two keys there were.
 */
export async function rescueStalledJob(queue: TQueueName, jobId: string): Promise<number> {
  const key = `${env().QUEUE_PREFIX}:${queue}`;
  const deleted = await redis().del(`${key}:${jobId}:lock`, `${key}:stalled-check`);
  const spec = PROCESSORS[queue]!;
  const connection = createRedis();
  const worker = new Worker(queue, (job) => spec.process(job), { connection, prefix: env().QUEUE_PREFIX, stalledInterval: 200 });
  rescuers.push({ worker, connection });
  return deleted;
}

/** Kills every worker process still running and stops the rescuers (afterEach / afterAll). */
export async function stopWorkerProcesses(): Promise<void> {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const { worker, connection } of rescuers.splice(0)) {
    await worker.close();
    connection.disconnect();
  }
}
