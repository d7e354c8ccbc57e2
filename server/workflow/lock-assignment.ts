import type { Ctx } from '../context';
import { AppError, notFound } from '../errors';
import type { AssignmentStatus, Pass, TaskStatus } from '../generated/prisma/enums';
import { one, sql, type SqlClient } from '../sql';

export interface LockedAssignment {
  id: string;
  userId: string;
  passId: string;
  pass: Pass;
  directed: boolean;
  round: number;
  status: AssignmentStatus;
  task: {
    id: string;
    projectId: string;
    passId: string | null;
    status: TaskStatus;
    version: number;
    resultAnnotationId: string | null;
    openSlots: number;
    /** Annotators per item in the pass the task is in. */
    overlap: number;
  };
}

const STATUS_MESSAGES: Partial<Record<AssignmentStatus, string>> = {
  SUBMITTED: 'This item was already submitted',
  RELEASED: 'This item was given back or moved on without you',
  EXPIRED: 'Your hold on this item lapsed and it went back to the queue; take the next one',
};

/**
 * The caller's own ACTIVE assignment of one of the expected kinds, with its task row locked for the rest of
 * the transaction: decisions on one task serialise here, so version checks are reliable. Other
 * projects' assignments are 404; someone else's is 403.
 */
export async function lockAssignment(
  tx: SqlClient,
  ctx: Ctx,
  input: { projectId: string; assignmentId: string },
  kinds: Pass[],
): Promise<LockedAssignment> {
  // The task is locked by the statement that finds the assignment (its row as it is once the lock is ours).
  const row = await one<Omit<LockedAssignment, 'status' | 'task'> & { task: LockedAssignment['task'] }>(
    sql`SELECT a.id, a."userId", a."passId", a.pass::text AS pass, a.directed, a.round,
        json_build_object('id', t.id, 'projectId', t."projectId", 'passId', t."passId", 'status', t.status, 'version', t.version,
          'resultAnnotationId', t."resultAnnotationId", 'openSlots', t."openSlots", 'overlap', t.overlap) AS task
      FROM "Assignment" a
      JOIN "Task" t ON t.id = a."taskId"
      JOIN "Project" p ON p.id = t."projectId"
      JOIN "Membership" m ON m."projectId" = p.id AND m."userId" = ${ctx.actor.id}
      WHERE a.id = ${input.assignmentId} AND (p.id = ${input.projectId} OR p.slug = ${input.projectId})
      FOR UPDATE OF t`,
    tx,
  );
  if (!row) throw notFound('Assignment');
  if (row.userId !== ctx.actor.id) throw new AppError('FORBIDDEN', 'This item is assigned to someone else');
  // Read after the lock, in its own statement: a lease expiry that committed while we waited shows.
  const current = await one<{ status: AssignmentStatus }>(
    sql`SELECT status::text AS status FROM "Assignment" WHERE id = ${row.id}`,
    tx,
  );
  const assignmentStatus = current!.status;
  if (assignmentStatus !== 'ACTIVE') throw new AppError('CONFLICT', STATUS_MESSAGES[assignmentStatus] ?? 'This item is closed');
  if (!kinds.includes(row.pass)) throw new AppError('CONFLICT', `This is a ${row.pass} item: it cannot do that`);
  return { ...row, status: assignmentStatus };
}

/** A decision taken on what the task was when the page loaded; anything newer wins with a 409. */
export function assertTaskVersion(task: { version: number }, expected: number): void {
  if (task.version !== expected) {
    throw new AppError('STALE_VERSION', 'This item changed since you opened it (someone else acted on it); reload to see it', {
      currentVersion: task.version,
    });
  }
}
