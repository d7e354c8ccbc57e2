import type { TTaskMove } from '@/lib/schemas/workflow';
import { AppError } from '../errors';
import type { TaskStatus } from '../generated/prisma/enums';
import { empty, one, rows, sql, type SqlClient, newId } from '../sql';
import { adjudicationPass, livePasses, nextPassFor, type PassRow } from './pass-order';

const STATUS_IN: Record<PassRow['kind'], TaskStatus> = { LABEL: 'OPEN', REVIEW: 'IN_REVIEW', ADJUDICATE: 'ESCALATED' };
const DEFAULT_ESCALATION_SLA_HOURS = 24;

export interface MovingTask {
  id: string;
  projectId: string;
}

/**
 * Puts a task in a pass's queue. A REVIEW pass the task has been through before (a rework coming
 * back) goes straight back to the reviewer who rejected it, as directed work; otherwise the pass's
 * slots open for anyone allowed to claim.
 */
export async function enterPass(
  tx: SqlClient,
  task: MovingTask,
  pass: PassRow,
  resultAnnotationId?: string | null,
): Promise<TTaskMove> {
  let openSlots = pass.kind === 'LABEL' ? pass.overlap : 1;
  if (pass.kind === 'REVIEW') {
    const returned = await one<{ id: string }>(
      sql`UPDATE "Assignment" SET status = 'ACTIVE', directed = true, round = round + 1, "leaseExpiresAt" = NULL,
          "queuedAt" = now(), "claimedAt" = now()
        WHERE id = (
          SELECT id FROM "Assignment" WHERE "taskId" = ${task.id} AND "passId" = ${pass.id} AND status = 'SUBMITTED'
          ORDER BY "submittedAt" DESC NULLS LAST LIMIT 1)
        RETURNING id`,
      tx,
    );
    if (returned) openSlots = 0;
  }
  const status = STATUS_IN[pass.kind];
  await rows(
    sql`UPDATE "Task" SET "passId" = ${pass.id}, status = ${status}::"TaskStatus", "openSlots" = ${openSlots},
        overlap = COALESCE(${pass.kind === 'LABEL' ? pass.overlap : null}::int, overlap),
        "enteredPassAt" = now(), version = version + 1, "updatedAt" = now()
        ${resultAnnotationId !== undefined ? sql`, "resultAnnotationId" = ${resultAnnotationId}` : empty}
      WHERE id = ${task.id}`,
    tx,
  );
  return { taskId: task.id, taskStatus: status, movedTo: pass.name };
}

/** The task leaves `fromPassId` for the next pass it goes through, or is done. */
export async function advanceTask(
  tx: SqlClient,
  task: MovingTask,
  fromPassId: string,
  resultAnnotationId: string | null,
  /** The live passes, when the caller has them already. */
  passes?: PassRow[],
): Promise<TTaskMove> {
  const next = nextPassFor(passes ?? (await livePasses(tx, task.projectId)), fromPassId, task.id);
  if (next) return enterPass(tx, task, next, resultAnnotationId);
  await rows(
    sql`UPDATE "Task" SET "passId" = NULL, status = 'DONE', "openSlots" = 0, "doneAt" = now(),
        "resultAnnotationId" = ${resultAnnotationId}, version = version + 1, "updatedAt" = now()
      WHERE id = ${task.id}`,
    tx,
  );
  return { taskId: task.id, taskStatus: 'DONE', movedTo: 'done' };
}

export interface EscalationInput {
  reason: string;
  /** null when the workflow escalates by itself. */
  raisedById: string | null;
  annotationId?: string | null;
  agreement?: number | null;
}

/**
 * Sends a task to the adjudication pass with an escalation due after that pass's SLA. Whoever else
 * was still working the task in its current pass is released: the expert decides now.
 */
export async function escalateTask(
  tx: SqlClient,
  task: MovingTask & { passId: string | null },
  input: EscalationInput,
): Promise<TTaskMove> {
  const adjudication = adjudicationPass(await livePasses(tx, task.projectId));
  if (!adjudication) throw new AppError('CONFLICT', 'This workflow has no adjudication pass: add one to escalate items');
  const slaHours = adjudication.slaHours ?? DEFAULT_ESCALATION_SLA_HOURS;
  await rows(
    sql`INSERT INTO "Escalation" (id, "taskId", "annotationId", reason, "raisedById", agreement, "dueAt", "createdAt")
      VALUES (${newId()}, ${task.id}, ${input.annotationId ?? null}, ${input.reason}, ${input.raisedById},
        ${input.agreement ?? null}::float8, ${new Date(Date.now() + slaHours * 3600_000)}::timestamp, now())`,
    tx,
  );
  if (task.passId) {
    await rows(
      sql`UPDATE "Assignment" SET status = 'RELEASED' WHERE "taskId" = ${task.id} AND "passId" = ${task.passId} AND status = 'ACTIVE'`,
      tx,
    );
  }
  return enterPass(tx, task, adjudication);
}
