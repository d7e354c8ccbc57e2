import { randomUUID } from 'node:crypto';
import { meanPairAgreement } from '@/lib/quality/region-agreement';
import { ZRegionsSchema, type TTaskMove } from '@/lib/schemas/workflow';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { one, rows, sql, transaction, type SqlClient } from '../sql';
import { annotationConflict } from './annotation-conflict';
import { annotationRules, assertRegions, storedRegions } from './check-regions';
import { lockAssignment, type LockedAssignment } from './lock-assignment';
import { advanceTask, escalateTask } from './move-task';
import { livePasses } from './pass-order';
import { queueQualityReportAfterSubmit } from '../quality/queue-quality-report';

/**
 * Submits a LABEL assignment's annotation at the version the editor last saved, refused (422) while
 * its regions have any problem (`regionProblems`, e.g. a required attribute unset). When it was the
 * last one the pass waited for, the task moves on: to adjudication if the annotators disagree beyond
 * the pass's threshold, else to the next pass (or done) with the first submission as the result.
 */
export async function submitAssignment(
  ctx: Ctx,
  input: { projectId: string; assignmentId: string; version: number },
): Promise<TTaskMove> {
  // Plain SQL on one connection: submit is on every annotator's hot path (see server/sql.ts).
  const { move, task } = await transaction(async (tx) => {
    const assignment = await lockAssignment(tx, ctx, input, ['LABEL']);
    // What was saved at that version must be complete: any region problem, required attributes included, refuses it.
    const rules = await annotationRules(tx, assignment.id, { withRegions: true });
    if (rules?.version === input.version) assertRegions(storedRegions(rules.regions), rules, 'submit');
    // One statement: submit at the version the editor saved, keep that version as a revision, close the assignment.
    const annotation = await one<{ id: string; version: number }>(
      sql`
      WITH submitted AS (
        UPDATE "Annotation" SET status = 'SUBMITTED', "updatedAt" = now()
        WHERE "assignmentId" = ${assignment.id} AND version = ${input.version}
        RETURNING id, version, regions
      ), revision AS (
        INSERT INTO "AnnotationRevision" (id, "annotationId", version, regions, "createdAt")
        SELECT ${randomUUID()}, id, version, regions, now() FROM submitted
      ), closed AS (
        UPDATE "Assignment" SET status = 'SUBMITTED', "submittedAt" = now()
        WHERE id = ${assignment.id} AND EXISTS (SELECT 1 FROM submitted)
      )
      SELECT id, version FROM submitted`,
      tx,
    );
    if (!annotation) throw await annotationConflict(tx, assignment.id);
    const move = await finishLabelPassIfComplete(tx, assignment, annotation.id);
    await recordAudit(tx, ctx, {
      action: assignment.directed ? 'task.rework.submit' : 'task.submit',
      projectId: assignment.task.projectId,
      subjectType: 'Task',
      subjectId: assignment.task.id,
      after: { assignmentId: assignment.id, annotationId: annotation.id, version: annotation.version, movedTo: move.movedTo },
    });
    return { move, task: assignment.task };
  });
  if (move.movedTo !== null && task.overlap > 1) await refreshQualityAfterComparison(task.projectId, task.id);
  return move;
}

/**
 * An overlap pass just completed: its annotations are new material for the agreement report, which a
 * worker recomputes now rather than when someone next opens the quality page. The submit has
 * committed; a queue failure only delays the report (the page queues it when it finds it stale).
 */
async function refreshQualityAfterComparison(projectId: string, taskId: string) {
  try {
    await queueQualityReportAfterSubmit(projectId);
  } catch (error) {
    console.error(`quality report not queued after task ${taskId}`, error);
  }
}

/** The pass is complete when nobody holds it and no slot is open; only then does the task move. */
async function finishLabelPassIfComplete(tx: SqlClient, assignment: LockedAssignment, annotationId: string): Promise<TTaskMove> {
  const { task } = assignment;
  // Open slots, or someone else still holding one, mean the pass is not complete yet.
  const othersWorking =
    task.openSlots > 0 ||
    (task.overlap > 1 &&
      !!(await one(
        sql`SELECT 1 AS active FROM "Assignment"
          WHERE "taskId" = ${task.id} AND "passId" = ${assignment.passId} AND status = 'ACTIVE' AND id <> ${assignment.id} LIMIT 1`,
        tx,
      )));
  if (othersWorking) {
    await rows(sql`UPDATE "Task" SET version = version + 1, "updatedAt" = now() WHERE id = ${task.id}`, tx);
    return { taskId: task.id, taskStatus: task.status, movedTo: null };
  }
  // With one annotator per item there is nothing to compare: the result is this annotation.
  const submitted =
    task.overlap > 1
      ? await rows<{ id: string; regions: unknown }>(
          sql`SELECT n.id, n.regions FROM "Annotation" n JOIN "Assignment" a ON a.id = n."assignmentId"
            WHERE n.status = 'SUBMITTED' AND a."taskId" = ${task.id} AND a."passId" = ${assignment.passId}
            ORDER BY n."createdAt"`,
          tx,
        )
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
