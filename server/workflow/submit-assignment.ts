import { randomUUID } from 'node:crypto';
import { meanPairAgreement } from '@/lib/quality/region-agreement';
import { ZRegionsSchema, type TTaskMove } from '@/lib/schemas/workflow';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db, type Tx } from '../db';
import { annotationConflict } from './annotation-conflict';
import { lockAssignment, type LockedAssignment } from './lock-assignment';
import { advanceTask, escalateTask } from './move-task';
import { livePasses } from './pass-order';

/**
 * Submits a LABEL assignment's annotation at the version the editor last saved. When it was the
 * last one the pass waited for, the task moves on: to adjudication if the annotators disagree beyond
 * the pass's threshold, else to the next pass (or done) with the first submission as the result.
 */
export async function submitAssignment(
  ctx: Ctx,
  input: { projectId: string; assignmentId: string; version: number },
): Promise<TTaskMove> {
  return db().$transaction(async (tx) => {
    const assignment = await lockAssignment(tx, ctx, input, ['LABEL']);
    // One statement: submit at the version the editor saved, and keep that version as a revision.
    const [annotation] = await tx.$queryRaw<{ id: string; version: number }[]>`
      WITH submitted AS (
        UPDATE "Annotation" SET status = 'SUBMITTED', "updatedAt" = now()
        WHERE "assignmentId" = ${assignment.id} AND version = ${input.version}
        RETURNING id, version, regions
      ), revision AS (
        INSERT INTO "AnnotationRevision" (id, "annotationId", version, regions, "createdAt")
        SELECT ${randomUUID()}, id, version, regions, now() FROM submitted
      )
      SELECT id, version FROM submitted`;
    if (!annotation) throw await annotationConflict(tx, assignment.id);
    await tx.assignment.update({ where: { id: assignment.id }, data: { status: 'SUBMITTED', submittedAt: new Date() } });
    const move = await finishLabelPassIfComplete(tx, assignment, annotation.id);
    await recordAudit(tx, ctx, {
      action: assignment.directed ? 'task.rework.submit' : 'task.submit',
      projectId: assignment.task.projectId,
      subjectType: 'Task',
      subjectId: assignment.task.id,
      after: { assignmentId: assignment.id, annotationId: annotation.id, version: annotation.version, movedTo: move.movedTo },
    });
    return move;
  });
}

/** The pass is complete when nobody holds it and no slot is open; only then does the task move. */
async function finishLabelPassIfComplete(tx: Tx, assignment: LockedAssignment, annotationId: string): Promise<TTaskMove> {
  const { task } = assignment;
  // Open slots, or someone else still holding one, mean the pass is not complete yet.
  const othersWorking =
    task.openSlots > 0 ||
    (task.overlap > 1 &&
      (await tx.assignment.count({ where: { taskId: task.id, passId: assignment.passId, status: 'ACTIVE' } })) > 0);
  if (othersWorking) {
    await tx.task.update({ where: { id: task.id }, data: { version: { increment: 1 } } });
    return { taskId: task.id, taskStatus: task.status, movedTo: null };
  }
  // With one annotator per item there is nothing to compare: the result is this annotation.
  const submitted =
    task.overlap > 1
      ? await tx.annotation.findMany({
          where: { status: 'SUBMITTED', assignment: { taskId: task.id, passId: assignment.passId } },
          select: { id: true, regions: true },
          orderBy: { createdAt: 'asc' },
        })
      : [{ id: annotationId, regions: [] }];
  const passes = await livePasses(tx, assignment.task.projectId);
  const pass = passes.find((p) => p.id === assignment.passId);
  if (pass && submitted.length > 1) {
    const agreement = meanPairAgreement(submitted.map((a) => ZRegionsSchema.parse(a.regions)));
    if (agreement < pass.agreementThreshold) {
      return escalateTask(
        tx,
        { ...assignment.task, passId: assignment.passId },
        {
          reason: `annotators disagree: agreement ${agreement.toFixed(2)} is below the pass threshold ${pass.agreementThreshold}`,
          raisedById: null,
          agreement,
        },
      );
    }
  }
  return advanceTask(tx, assignment.task, assignment.passId, submitted[0]?.id ?? null, passes);
}
