import type { TComment } from '@/lib/schemas/workflow';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError, notFound } from '../errors';
import { authorizeProject, can } from '../permissions';
import { createComment } from './create-comment';
import { COMMENT_SELECT, presentComments } from './task-talk';

/** A comment on a task (or one region of one of its annotations), by someone who works on it or leads. */
export async function addTaskComment(
  ctx: Ctx,
  input: { projectId: string; taskId: string; body: string; annotationId?: string | null; regionId?: string | null },
): Promise<TComment> {
  return db().$transaction(async (tx) => {
    const access = await authorizeProject(tx, ctx, input.projectId, 'project:read');
    const task = await tx.task.findFirst({
      where: { id: input.taskId, projectId: access.projectId },
      select: { id: true, assignments: { where: { userId: ctx.actor.id }, select: { id: true }, take: 1 } },
    });
    if (!task) throw notFound('Task');
    if (task.assignments.length === 0 && !can(access.role, 'workflow:manage')) {
      throw new AppError('FORBIDDEN', 'Only people who worked on this item, and data leads, can comment on it');
    }
    if (input.annotationId) {
      const annotation = await tx.annotation.findFirst({
        where: { id: input.annotationId, assignment: { taskId: task.id } },
        select: { id: true },
      });
      if (!annotation) throw new AppError('UNPROCESSABLE', 'That annotation does not belong to this item');
    }
    const { id } = await createComment(tx, {
      projectId: access.projectId,
      taskId: task.id,
      authorId: ctx.actor.id,
      body: input.body,
      annotationId: input.annotationId,
      regionId: input.regionId,
    });
    await recordAudit(tx, ctx, {
      action: 'task.comment',
      projectId: access.projectId,
      subjectType: 'Task',
      subjectId: task.id,
      after: { commentId: id },
    });
    const [comment] = await presentComments([await tx.comment.findUniqueOrThrow({ where: { id }, select: COMMENT_SELECT })]);
    return comment!;
  });
}
