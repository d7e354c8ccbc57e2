import type { TActivity } from '@/lib/schemas/workflow';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError, notFound } from '../errors';
import { authorizeProject, can } from '../permissions';
import { PERSON_SELECT, presentPerson } from './present-person';
import { COMMENT_SELECT, presentComments } from './task-talk';

/**
 * A task's history from the audit trail, and its comments. OWNER and DATA_LEAD see any task; others
 * see the tasks they have worked on.
 */
export async function getTaskActivity(ctx: Ctx, input: { projectId: string; taskId: string }): Promise<TActivity> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'project:read');
  const task = await db().task.findFirst({
    where: { id: input.taskId, projectId: access.projectId },
    select: {
      id: true,
      status: true,
      pass: { select: { name: true } },
      asset: { select: { id: true, filename: true } },
      assignments: { where: { userId: ctx.actor.id }, select: { id: true }, take: 1 },
    },
  });
  if (!task) throw notFound('Task');
  if (task.assignments.length === 0 && !can(access.role, 'workflow:manage')) {
    throw new AppError('FORBIDDEN', 'Only people who worked on this item, and data leads, can see its history');
  }
  const [events, comments] = await Promise.all([
    db().auditEvent.findMany({
      where: { projectId: access.projectId, subjectType: 'Task', subjectId: task.id },
      orderBy: { createdAt: 'asc' },
      select: { id: true, action: true, before: true, after: true, createdAt: true, actor: { select: PERSON_SELECT } },
    }),
    db().comment.findMany({ where: { taskId: task.id }, select: COMMENT_SELECT, orderBy: { createdAt: 'asc' } }),
  ]);
  return {
    task: { id: task.id, status: task.status, passName: task.pass?.name ?? null, asset: task.asset },
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      actor: e.actor && presentPerson(e.actor),
      before: e.before,
      after: e.after,
      createdAt: e.createdAt.toISOString(),
    })),
    comments: await presentComments(comments),
  };
}
