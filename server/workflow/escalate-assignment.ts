import type { TTaskMove } from '@/lib/schemas/workflow';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { lockAssignment } from './lock-assignment';
import { escalateTask } from './move-task';

/**
 * "Flag for expert" from a LABEL or REVIEW item: what the caller has so far is kept (a LABEL
 * annotation is submitted as it stands, so the expert sees it) and the task goes to adjudication.
 */
export async function escalateAssignment(
  ctx: Ctx,
  input: { projectId: string; assignmentId: string; reason: string },
): Promise<TTaskMove> {
  return db().$transaction(async (tx) => {
    const assignment = await lockAssignment(tx, ctx, input, ['LABEL', 'REVIEW']);
    const annotation = await tx.annotation.findUnique({
      where: { assignmentId: assignment.id },
      select: { id: true, version: true, regions: true },
    });
    if (annotation) {
      await tx.annotation.update({ where: { id: annotation.id }, data: { status: 'SUBMITTED' } });
      await tx.annotationRevision.upsert({
        where: { annotationId_version: { annotationId: annotation.id, version: annotation.version } },
        create: { annotationId: annotation.id, version: annotation.version, regions: annotation.regions ?? [] },
        update: {},
      });
    }
    await tx.assignment.update({ where: { id: assignment.id }, data: { status: 'SUBMITTED', submittedAt: new Date() } });
    const move = await escalateTask(tx, assignment.task, {
      reason: input.reason,
      raisedById: ctx.actor.id,
      annotationId: annotation?.id,
    });
    await recordAudit(tx, ctx, {
      action: 'task.escalate',
      projectId: assignment.task.projectId,
      subjectType: 'Task',
      subjectId: assignment.task.id,
      after: { assignmentId: assignment.id, reason: input.reason },
    });
    return move;
  });
}
