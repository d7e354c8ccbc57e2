import { z } from 'zod';
import type { TJobFailureRetried, TQueueName } from '@/lib/schemas/ops';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError, notFound } from '../errors';
import { enqueue } from '../jobs/enqueue';
import { isQueueName, type TQueuePayloadInput } from '../jobs/queues';
import { requireSiteAdmin } from '../permissions';
import { auditProjectId } from './audit-project-id';
import { JOB_FAILURE_SELECT, presentJobFailure } from './present-job-failure';

/**
 * Re-enqueues a dead letter's payload as a new job. The id suffix names this failure, so a
 * double-click (or a retried request) adds one job, and BullMQ, which still holds the failed job
 * under its original id, accepts it. Enqueued inside the transaction: if Redis refuses, the
 * failure is not marked retried.
 */
export async function retryJobFailure(ctx: Ctx, input: { failureId: string }): Promise<TJobFailureRetried> {
  requireSiteAdmin(ctx);
  return db().$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.jobFailure.updateMany({
      where: { id: input.failureId, retriedAt: null, discardedAt: null },
      data: { retriedAt: now },
    });
    const row = await tx.jobFailure.findUnique({ where: { id: input.failureId }, select: JOB_FAILURE_SELECT });
    if (!row) throw notFound('Job failure');
    if (claimed.count === 0) {
      throw new AppError('CONFLICT', `This failure was already ${row.discardedAt ? 'discarded' : 'retried'}`);
    }
    if (!isQueueName(row.queue)) throw new AppError('UNPROCESSABLE', `Queue "${row.queue}" no longer exists`);
    const jobId = await enqueueAgain(row.queue, row.payload, row.id);
    await recordAudit(tx, ctx, {
      action: 'jobFailure.retry',
      projectId: await auditProjectId(tx, row.projectId),
      subjectType: 'JobFailure',
      subjectId: row.id,
      before: { retriedAt: null },
      after: { retriedAt: now.toISOString(), queue: row.queue, jobId },
    });
    return { failure: presentJobFailure(row), jobId };
  });
}

async function enqueueAgain(queue: TQueueName, payload: unknown, failureId: string): Promise<string> {
  try {
    return await enqueue(queue, payload as TQueuePayloadInput<TQueueName>, { jobIdSuffix: `retry-${failureId}` });
  } catch (error) {
    if (!(error instanceof z.ZodError)) throw error;
    const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new AppError('UNPROCESSABLE', "The payload does not fit the queue's current schema; retrying cannot help", issues);
  }
}
