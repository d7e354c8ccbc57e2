import type { TReviewDecision, TTaskMove } from '@/lib/schemas/workflow';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db, type Tx } from '../db';
import { AppError } from '../errors';
import { createComment } from './create-comment';
import { assertTaskVersion, lockAssignment, type LockedAssignment } from './lock-assignment';
import { advanceTask, escalateTask } from './move-task';
import { livePasses, reviewedPassOf, type PassRow } from './pass-order';

type Decision = Required<Pick<TReviewDecision, 'decision' | 'comment' | 'regionComments'>> & { taskVersion: number };

/**
 * A reviewer's decision on the submissions of the LABEL pass before the review. ACCEPT moves the task
 * on; REJECT sends it back to the same annotators as directed rework (with the reason and region
 * comments), and their resubmission returns to this reviewer; ESCALATE hands it to the experts.
 */
export async function decideReview(ctx: Ctx, input: { projectId: string; assignmentId: string } & Decision): Promise<TTaskMove> {
  return db().$transaction(async (tx) => {
    const assignment = await lockAssignment(tx, ctx, input, ['REVIEW']);
    assertTaskVersion(assignment.task, input.taskVersion);
    const reviewed = reviewedPassOf(await livePasses(tx, assignment.task.projectId), assignment.passId);
    const subjects = reviewed
      ? await tx.annotation.findMany({
          where: { status: 'SUBMITTED', assignment: { taskId: assignment.task.id, passId: reviewed.id } },
          select: { id: true, assignmentId: true },
        })
      : [];
    if (!reviewed || subjects.length === 0) throw new AppError('CONFLICT', 'There is nothing submitted to review on this item');
    const subjectIds = new Set(subjects.map((s) => s.id));
    for (const note of input.regionComments) {
      if (!subjectIds.has(note.annotationId))
        throw new AppError('UNPROCESSABLE', 'A region comment points at an annotation not under review');
      await createComment(tx, {
        projectId: assignment.task.projectId,
        taskId: assignment.task.id,
        authorId: ctx.actor.id,
        ...note,
      });
    }
    await tx.review.createMany({
      data: subjects.map((s) => ({
        annotationId: s.id,
        assignmentId: assignment.id,
        reviewerId: ctx.actor.id,
        decision: input.decision,
        comment: input.comment,
      })),
    });
    await tx.assignment.update({ where: { id: assignment.id }, data: { status: 'SUBMITTED', submittedAt: new Date() } });
    const move = await carryOut(tx, ctx, assignment, reviewed, subjects, input);
    await recordAudit(tx, ctx, {
      action: `task.review.${input.decision.toLowerCase()}`,
      projectId: assignment.task.projectId,
      subjectType: 'Task',
      subjectId: assignment.task.id,
      before: { version: input.taskVersion },
      after: { decision: input.decision, comment: input.comment, annotationIds: [...subjectIds], movedTo: move.movedTo },
    });
    return move;
  });
}

async function carryOut(
  tx: Tx,
  ctx: Ctx,
  assignment: LockedAssignment,
  reviewed: PassRow,
  subjects: { id: string; assignmentId: string }[],
  input: Decision,
): Promise<TTaskMove> {
  const ids = subjects.map((s) => s.id);
  if (input.decision === 'ESCALATE') {
    return escalateTask(tx, assignment.task, { reason: input.comment, raisedById: ctx.actor.id, annotationId: ids[0] });
  }
  if (input.decision === 'ACCEPT') {
    await tx.annotation.updateMany({ where: { id: { in: ids } }, data: { status: 'ACCEPTED' } });
    const result = ids.includes(assignment.task.resultAnnotationId ?? '') ? assignment.task.resultAnnotationId : ids[0]!;
    return advanceTask(tx, assignment.task, assignment.passId, result);
  }
  await tx.annotation.updateMany({ where: { id: { in: ids } }, data: { status: 'REJECTED' } });
  await tx.assignment.updateMany({
    where: { id: { in: subjects.map((s) => s.assignmentId) } },
    data: { status: 'ACTIVE', directed: true, round: { increment: 1 }, leaseExpiresAt: null, submittedAt: null },
  });
  await tx.task.update({
    where: { id: assignment.task.id },
    data: { passId: reviewed.id, status: 'IN_PROGRESS', openSlots: 0, enteredPassAt: new Date(), version: { increment: 1 } },
  });
  return { taskId: assignment.task.id, taskStatus: 'IN_PROGRESS', movedTo: `${reviewed.name} (rework)` };
}
