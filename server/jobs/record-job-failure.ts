import type { Prisma } from '../generated/prisma/client';
import { db } from '../db';

export interface JobFailureInput {
  queue: string;
  jobId: string;
  jobName: string;
  payload: unknown;
  reason: string;
  stack: string | null;
  attemptsMade: number;
  /** When BullMQ moved the job to failed (its finishedOn): one final failure, one timestamp. */
  failedAt: Date;
}

/**
 * Writes a job's final failure to the dead-letter table. One failure can be reported twice (a
 * retried Redis call, a second listener); an advisory lock on the job plus a look-up on its
 * failure time keep it to one row, while a later failure of the same job id still gets its own.
 */
export async function recordJobFailure(input: JobFailureInput): Promise<{ id: string; created: boolean }> {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`job-failure:${input.queue}:${input.jobId}`}))`;
    const existing = await tx.jobFailure.findFirst({
      where: { queue: input.queue, jobId: input.jobId, failedAt: input.failedAt },
      select: { id: true },
    });
    if (existing) return { id: existing.id, created: false };
    const row = await tx.jobFailure.create({
      data: {
        queue: input.queue,
        jobId: input.jobId,
        jobName: input.jobName,
        projectId: projectIdOf(input.payload),
        payload: (input.payload ?? {}) as Prisma.InputJsonValue,
        reason: input.reason.slice(0, 10_000),
        stack: input.stack?.slice(0, 50_000) ?? null,
        attemptsMade: input.attemptsMade,
        failedAt: input.failedAt,
      },
      select: { id: true },
    });
    return { id: row.id, created: true };
  });
}

function projectIdOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null || !('projectId' in payload)) return null;
  const { projectId } = payload;
  return typeof projectId === 'string' && projectId.length <= 100 ? projectId : null;
}
