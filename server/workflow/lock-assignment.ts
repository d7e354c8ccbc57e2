import type { Ctx } from '../context';
import type { Tx } from '../db';
import { AppError, notFound } from '../errors';
import type { AssignmentStatus, Pass, TaskStatus } from '../generated/prisma/enums';
import { projectRefWhere } from '../permissions';

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
  tx: Tx,
  ctx: Ctx,
  input: { projectId: string; assignmentId: string },
  kinds: Pass[],
): Promise<LockedAssignment> {
  const assignment = await tx.assignment.findFirst({
    where: {
      id: input.assignmentId,
      task: { project: { ...projectRefWhere(input.projectId), memberships: { some: { userId: ctx.actor.id } } } },
    },
    select: { id: true, userId: true, passId: true, pass: true, directed: true, round: true, taskId: true },
  });
  if (!assignment) throw notFound('Assignment');
  if (assignment.userId !== ctx.actor.id) throw new AppError('FORBIDDEN', 'This item is assigned to someone else');
  // Lock the task and read it as it is once the lock is ours.
  const [task] = await tx.$queryRaw<LockedAssignment['task'][]>`
    SELECT id, "projectId", "passId", status::text AS status, version, "resultAnnotationId", "openSlots", overlap
    FROM "Task" WHERE id = ${assignment.taskId}
    FOR UPDATE`;
  // Read after the lock, in its own statement: a lease expiry that committed while we waited shows.
  const { status: assignmentStatus } = await tx.assignment.findUniqueOrThrow({
    where: { id: assignment.id },
    select: { status: true },
  });
  if (assignmentStatus !== 'ACTIVE') throw new AppError('CONFLICT', STATUS_MESSAGES[assignmentStatus] ?? 'This item is closed');
  if (!kinds.includes(assignment.pass)) throw new AppError('CONFLICT', `This is a ${assignment.pass} item: it cannot do that`);
  return { ...assignment, status: assignmentStatus, task: task! };
}

/** A decision taken on what the task was when the page loaded; anything newer wins with a 409. */
export function assertTaskVersion(task: { version: number }, expected: number): void {
  if (task.version !== expected) {
    throw new AppError('STALE_VERSION', 'This item changed since you opened it (someone else acted on it); reload to see it', {
      currentVersion: task.version,
    });
  }
}
