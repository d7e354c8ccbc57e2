import { db } from '@/server/db';
import { env } from '@/server/env';
import { closeQueues } from '@/server/jobs/enqueue';
import { startWorkers } from './start-workers';
import { parseWorkerEnv } from './worker-env';

// The worker process: `npm run workers`. Run several (or one per WORKER_QUEUES subset) to scale.
const config = parseWorkerEnv(process.env);
const pool = startWorkers({ queues: config.queues, concurrency: config.concurrency });
console.log(`worker event=ready pid=${process.pid} prefix=${env().QUEUE_PREFIX} queues=${[...pool.workers.keys()].join(',')}`);

let stopping = false;

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    // A second Ctrl-C is a person who will not wait; a repeated SIGTERM is a supervisor resending.
    if (signal !== 'SIGINT') return;
    console.log(`worker event=shutdown-forced signal=${signal}`);
    process.exit(1);
  }
  stopping = true;
  console.log(`worker event=shutdown signal=${signal} timeoutMs=${config.shutdownTimeoutMs}`);
  try {
    const { timedOut } = await pool.close({ timeoutMs: config.shutdownTimeoutMs });
    await closeQueues();
    await db().$disconnect();
    console.log(`worker event=stopped timedOut=${timedOut}`);
    process.exit(0);
  } catch (error) {
    console.error('worker event=shutdown-error', error);
    process.exit(1);
  }
}

process.on('SIGTERM', (signal) => void shutdown(signal));
process.on('SIGINT', (signal) => void shutdown(signal));
