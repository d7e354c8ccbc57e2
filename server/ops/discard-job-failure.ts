import type { TJobFailure } from '@/lib/schemas/ops';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError, notFound } from '../errors';
import { requireSiteAdmin } from '../permissions';
import { auditProjectId } from './audit-project-id';
import { JOB_FAILURE_SELECT, presentJobFailure } from './present-job-failure';

/** Hides a dead letter from the default list (the row stays, for the record). */
export async function discardJobFailure(ctx: Ctx, input: { failureId: string }): Promise<TJobFailure> {
  requireSiteAdmin(ctx);
  return db().$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.jobFailure.updateMany({
      where: { id: input.failureId, discardedAt: null },
      data: { discardedAt: now },
    });
    const row = await tx.jobFailure.findUnique({ where: { id: input.failureId }, select: JOB_FAILURE_SELECT });
    if (!row) throw notFound('Job failure');
    if (claimed.count === 0) throw new AppError('CONFLICT', 'This failure was already discarded');
    await recordAudit(tx, ctx, {
      action: 'jobFailure.discard',
      projectId: await auditProjectId(tx, row.projectId),
      subjectType: 'JobFailure',
      subjectId: row.id,
      before: { discardedAt: null },
      after: { discardedAt: now.toISOString(), queue: row.queue, jobId: row.jobId },
    });
    return presentJobFailure(row);
  });
}
