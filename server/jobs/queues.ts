import type { DefaultJobOptions } from 'bullmq';
import { z } from 'zod';
import { QUEUE_NAMES, type TQueueName } from '@/lib/schemas/ops';
import { DerivativeKind } from '../generated/prisma/enums';
import { jobKey } from './job-key';

// The queue registry: what each queue carries, how its jobs are named and retried. A payload's `v`
// is bumped when its shape changes; a processor then accepts both versions until old jobs drain.

export interface QueueDefinition<S extends z.ZodType> {
  schema: S;
  /** Same logical work → same id, so a repeated enqueue finds the job instead of adding one. */
  jobId(payload: z.output<S>): string;
  jobName(payload: z.output<S>): string;
  jobOptions: DefaultJobOptions;
}

const ZIdSchema = z.string().min(1).max(100);

// Finished jobs are kept a while for the dashboard's counts and latency; the dead-letter table,
// not Redis, is the durable record of failures.
const RETENTION = {
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5000 },
} satisfies DefaultJobOptions;

// Infers each entry's payload type, so its jobId and jobName see typed payloads.
function defineQueue<S extends z.ZodType>(definition: QueueDefinition<S>): QueueDefinition<S> {
  return definition;
}

function retried(attempts: number, firstDelayMs: number): DefaultJobOptions {
  return { attempts, backoff: { type: 'exponential', delay: firstDelayMs }, ...RETENTION };
}

export const QUEUES = {
  health: defineQueue({
    schema: z.object({
      v: z.literal(1),
      nonce: z.string().min(1).max(100),
      /** Throw instead of answering: proves the retry and dead-letter path end to end. */
      fail: z.boolean().optional(),
      /** Stay active this long: lets an operator (or a test) watch a job survive a graceful shutdown. */
      holdMs: z.number().int().min(0).max(30_000).optional(),
    }),
    jobId: (p) => jobKey('health', p.nonce),
    jobName: () => 'health',
    jobOptions: { ...retried(2, 100), removeOnComplete: { age: 3600, count: 100 } },
  }),
  // Downloads one URL of an import batch into the raw store (SSRF-checked), then hands it to ingest.
  fetch: defineQueue({
    schema: z.object({ v: z.literal(1), projectId: ZIdSchema, batchId: ZIdSchema, itemId: ZIdSchema }),
    jobId: (p) => jobKey('fetch', p.itemId),
    jobName: () => 'url',
    jobOptions: retried(4, 5_000),
  }),
  ingest: defineQueue({
    schema: z.object({ v: z.literal(1), projectId: ZIdSchema, assetId: ZIdSchema }),
    jobId: (p) => jobKey('ingest', p.assetId),
    jobName: () => 'probe',
    jobOptions: retried(5, 2_000),
  }),
  preprocess: defineQueue({
    schema: z.object({
      v: z.literal(1),
      projectId: ZIdSchema,
      assetId: ZIdSchema,
      kind: z.enum(DerivativeKind),
    }),
    jobId: (p) => jobKey('preprocess', p.assetId, p.kind),
    jobName: (p) => p.kind.toLowerCase(),
    jobOptions: retried(3, 5_000),
  }),
  embed: defineQueue({
    schema: z.object({
      v: z.literal(1),
      projectId: ZIdSchema,
      assetId: ZIdSchema,
      model: z.string().min(1).max(100),
      modelVersion: z.string().min(1).max(100),
    }),
    jobId: (p) => jobKey('embed', p.assetId, p.model, p.modelVersion),
    jobName: (p) => p.model,
    jobOptions: retried(3, 10_000),
  }),
  // Builds one SnapshotExport (a snapshot in one format) into a zip; a rebuild gives the same bytes.
  export: defineQueue({
    schema: z.object({ v: z.literal(1), projectId: ZIdSchema, exportId: ZIdSchema }),
    jobId: (p) => jobKey('export', p.exportId),
    jobName: () => 'snapshot',
    jobOptions: retried(3, 10_000),
  }),
  // Recomputes a project's agreement report; `sourceKey` fingerprints the submissions and settings it
  // is for, so the same state is one job however often the page asks, and a change makes a new one.
  quality: defineQueue({
    schema: z.object({ v: z.literal(1), projectId: ZIdSchema, sourceKey: z.string().regex(/^[0-9a-f]{16,64}$/) }),
    jobId: (p) => jobKey('quality', p.projectId, p.sourceKey),
    jobName: () => 'report',
    jobOptions: { ...retried(3, 10_000), removeOnComplete: { age: 3600, count: 200 } },
  }),
  // Moves a project's annotations from one published taxonomy version to the next, in batches; a
  // rerun carries on where the last stopped (annotations already moved are on the new version).
  migrate: defineQueue({
    schema: z.object({ v: z.literal(1), projectId: ZIdSchema, migrationId: ZIdSchema }),
    jobId: (p) => jobKey('migrate', p.migrationId),
    jobName: () => 'taxonomy',
    jobOptions: retried(5, 5_000),
  }),
} satisfies { [N in TQueueName]: QueueDefinition<z.ZodType> };

export type TQueuePayload<N extends TQueueName> = z.output<(typeof QUEUES)[N]['schema']>;
export type TQueuePayloadInput<N extends TQueueName> = z.input<(typeof QUEUES)[N]['schema']>;

export function isQueueName(name: string): name is TQueueName {
  return (QUEUE_NAMES as readonly string[]).includes(name);
}

/** The registry entry with its payload type widened, for code that handles any queue. */
export function queueDefinition(name: TQueueName): QueueDefinition<z.ZodType> {
  return QUEUES[name] as QueueDefinition<z.ZodType>;
}
