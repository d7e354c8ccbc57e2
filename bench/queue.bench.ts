import { randomBytes } from 'node:crypto';
import { QueueEvents } from 'bullmq';
import { env } from '../server/env';
import { closeQueues, enqueue, getQueue } from '../server/jobs/enqueue';
import { runHealthCheck } from '../server/jobs/run-health-check';
import { createRedis } from '../server/redis';
import { db } from '../server/db';
import { startWorkers } from '../workers/start-workers';
import { round, timeRuns } from './percentiles';

// The worker path end to end: enqueue rate (validated, deterministic ids), drain rate of one worker
// process, and the round trip of a single health check (what the stage dashboard button measures).
const JOBS = 3000;
const admin = { actor: { id: 'bench', email: 'bench@loupe.test', name: 'bench', isSiteAdmin: true }, via: 'system' as const };
const workers = startWorkers({ queues: ['health'], log: () => undefined });

const roundTrip = await timeRuns(30, async () => {
  const result = await runHealthCheck(admin);
  if (!result.ok) throw new Error(result.error ?? 'health check failed');
});

await workers.close();
const enqueueStart = performance.now();
for (let i = 0; i < JOBS; i++) await enqueue('health', { v: 1, nonce: randomBytes(8).toString('hex') });
const enqueueSeconds = (performance.now() - enqueueStart) / 1000;

const connection = createRedis();
const events = new QueueEvents('health', { connection, prefix: env().QUEUE_PREFIX });
await events.waitUntilReady();
let done = 0;
const drained = new Promise<void>((resolve) => events.on('completed', () => ++done === JOBS && resolve()));
const drainStart = performance.now();
const drainWorkers = startWorkers({ queues: ['health'], concurrency: 20, log: () => undefined });
await drained;
const drainSeconds = (performance.now() - drainStart) / 1000;

console.log(
  JSON.stringify({
    bench: 'queue',
    healthRoundTripMs: roundTrip,
    jobs: JOBS,
    enqueuePerSecond: round(JOBS / enqueueSeconds, 0),
    processedPerSecond: round(JOBS / drainSeconds, 0),
    waitingAfterDrain: await getQueue('health').getWaitingCount(),
  }),
);
await drainWorkers.close();
await events.close();
connection.disconnect();
await closeQueues();
await db().$disconnect();
