import type { TTaskMove } from '@/lib/schemas/workflow';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError } from '../errors';
import { lockAssignment } from './lock-assignment';

/**
 * Gives an item back with a reason: the slot reopens for someone else, and this person will not be
 * offered it again in this pass. Rework cannot be skipped (it waits for its author): escalate it.
 */
export async function skipAssignment(
  ctx: Ctx,
  input: { projectId: string; assignmentId: string; reason: string },
): Promise<TTaskMove> {
  return db().$transaction(async (tx) => {
    const assignment = await lockAssignment(tx, ctx, input, ['LABEL', 'REVIEW', 'ADJUDICATE']);
    if (assignment.directed)
      throw new AppError('CONFLICT', 'Rework and re-review come back to you and cannot be skipped; escalate instead');
    await tx.assignment.update({ where: { id: assignment.id }, data: { status: 'RELEASED', skipReason: input.reason } });
    const task = await tx.task.update({
      where: { id: assignment.task.id },
      data: { openSlots: { increment: 1 }, version: { increment: 1 } },
      select: { status: true },
    });
    await recordAudit(tx, ctx, {
      action: 'task.skip',
      projectId: assignment.task.projectId,
      subjectType: 'Task',
      subjectId: assignment.task.id,
      after: { assignmentId: assignment.id, reason: input.reason },
    });
    return { taskId: assignment.task.id, taskStatus: task.status, movedTo: null };
  });
}
