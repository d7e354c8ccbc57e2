import { z } from 'zod';

// The stage dashboard's contract: queue health, the dead-letter list and its actions.

/** Every queue the platform knows, in pipeline order. The server's registry must define each one. */
export const QUEUE_NAMES = ['health', 'fetch', 'ingest', 'preprocess', 'embed', 'export', 'quality', 'migrate'] as const;
export const ZQueueNameSchema = z.enum(QUEUE_NAMES);
export type TQueueName = z.infer<typeof ZQueueNameSchema>;

const count = z.number().int().min(0);
const millis = z.number().min(0).nullable();

export const ZQueueStatSchema = z.object({
  name: ZQueueNameSchema,
  paused: z.boolean(),
  /** Worker connections consuming this queue now (0: nothing will process it; null: Redis would not say). */
  workers: count.nullable(),
  waiting: count,
  active: count,
  completed: count,
  failed: count,
  delayed: count,
  /** Dead letters neither retried nor discarded. */
  openFailures: count,
  /** Over the most recent completed jobs still retained: time queued before start, and run time. */
  latency: z.object({ samples: count, waitMsP50: millis, runMsP50: millis, runMsP95: millis }),
});
export type TQueueStat = z.infer<typeof ZQueueStatSchema>;

export const ZQueueStatsSchema = z.object({
  queues: z.array(ZQueueStatSchema),
  checkedAt: z.string(),
});
export type TQueueStats = z.infer<typeof ZQueueStatsSchema>;

/** A dead letter. The stack trace stays in the database and logs; users never see one. */
export const ZJobFailureSchema = z.object({
  id: z.string(),
  queue: z.string(),
  jobId: z.string(),
  jobName: z.string(),
  projectId: z.string().nullable(),
  payload: z.unknown(),
  reason: z.string(),
  attemptsMade: count,
  failedAt: z.string(),
  retriedAt: z.string().nullable(),
  discardedAt: z.string().nullable(),
});
export type TJobFailure = z.infer<typeof ZJobFailureSchema>;

export const ZJobFailureListSchema = z.object({
  items: z.array(ZJobFailureSchema),
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TJobFailureList = z.infer<typeof ZJobFailureListSchema>;

/** Query string of the dead-letter list (strings in, typed values out). */
export const ZJobFailureListQuerySchema = z.object({
  queue: ZQueueNameSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
  includeDiscarded: z.stringbool().default(false),
});
export type TJobFailureListQuery = z.output<typeof ZJobFailureListQuerySchema>;

export const ZJobFailureRefSchema = z.object({ failureId: z.string().min(1).max(100) });

export const ZJobFailureRetriedSchema = z.object({
  failure: ZJobFailureSchema,
  /** The new job carrying the same payload. */
  jobId: z.string(),
});
export type TJobFailureRetried = z.infer<typeof ZJobFailureRetriedSchema>;

/** Round trip through Redis to a worker and back: proves a worker is consuming and can reach the database. */
export const ZHealthCheckResultSchema = z.object({
  ok: z.boolean(),
  jobId: z.string(),
  ms: z.number().min(0),
  workerPid: z.number().int().nullable(),
  at: z.string().nullable(),
  error: z.string().nullable(),
});
export type THealthCheckResult = z.infer<typeof ZHealthCheckResultSchema>;
