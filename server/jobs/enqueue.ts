import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { TQueueName } from '@/lib/schemas/ops';
import { env } from '../env';
import { queueDefinition, type TQueuePayloadInput } from './queues';

// Producers (web requests, workers enqueueing follow-up work) share one connection. It fails a
// command after a few reconnect attempts instead of waiting forever, so a request does not hang
// while Redis is down.
interface Producers {
  connection: Redis;
  queues: Map<TQueueName, Queue>;
}

const holder = globalThis as unknown as { loupeProducers?: Producers };

function producers(): Producers {
  holder.loupeProducers ??= {
    connection: new Redis(env().REDIS_URL, { maxRetriesPerRequest: 3 }),
    queues: new Map(),
  };
  return holder.loupeProducers;
}

export function getQueue(name: TQueueName): Queue {
  const { connection, queues } = producers();
  let queue = queues.get(name);
  if (!queue) {
    queue = new Queue(name, {
      connection,
      prefix: env().QUEUE_PREFIX,
      defaultJobOptions: queueDefinition(name).jobOptions,
    });
    queues.set(name, queue);
  }
  return queue;
}

const SUFFIX = /^[A-Za-z0-9_.-]{1,100}$/;

/**
 * Validates the payload against the queue's schema (a ZodError for a bad one: that is a bug in the
 * caller) and adds it under its deterministic id; adding the same work again returns the existing
 * job's id. `jobIdSuffix` makes a distinct job for the same work, e.g. a retry of a dead letter.
 */
export async function enqueue<N extends TQueueName>(
  name: N,
  payload: TQueuePayloadInput<N>,
  options: { jobIdSuffix?: string } = {},
): Promise<string> {
  const definition = queueDefinition(name);
  const data: unknown = definition.schema.parse(payload);
  if (options.jobIdSuffix !== undefined && !SUFFIX.test(options.jobIdSuffix)) {
    throw new Error(`Invalid job id suffix: ${options.jobIdSuffix}`);
  }
  const baseId = definition.jobId(data);
  const jobId = options.jobIdSuffix ? `${baseId}-${options.jobIdSuffix}` : baseId;
  const job = await getQueue(name).add(definition.jobName(data), data, { jobId });
  return job.id ?? jobId;
}

/** For shutdown and tests: closes every queue and the producer connection. */
export async function closeQueues(): Promise<void> {
  const current = holder.loupeProducers;
  if (!current) return;
  delete holder.loupeProducers;
  await Promise.all([...current.queues.values()].map((queue) => queue.close()));
  await current.connection.quit();
}
