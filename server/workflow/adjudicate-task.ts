import type { TRegion, TTaskMove } from '@/lib/schemas/workflow';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db, type Tx } from '../db';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { assertTaskVersion, lockAssignment, type LockedAssignment } from './lock-assignment';
import { currentTaxonomy } from './published-taxonomy';

/**
 * The expert's final word on an escalated item: one of the submitted versions as it is, or regions
 * merged from several (stored as the expert's own annotation). The escalation records who decided,
 * why and what; the task is done with that result.
 */
export async function adjudicateTask(
  ctx: Ctx,
  input: {
    projectId: string;
    assignmentId: string;
    taskVersion: number;
    chosenAnnotationId?: string;
    regions?: TRegion[];
    reason: string;
  },
): Promise<TTaskMove> {
  return db().$transaction(async (tx) => {
    const assignment = await lockAssignment(tx, ctx, input, ['ADJUDICATE']);
    assertTaskVersion(assignment.task, input.taskVersion);
    const resultId = input.chosenAnnotationId
      ? await acceptChosen(tx, assignment, input.chosenAnnotationId)
      : await storeMerged(tx, ctx, assignment, input.regions ?? []);
    const escalation = await tx.escalation.findFirst({
      where: { taskId: assignment.task.id, resolvedAt: null },
      orderBy: { createdAt: 'desc' },
      select: { id: true },
    });
    if (escalation) {
      await tx.escalation.update({
        where: { id: escalation.id },
        data: { resolvedById: ctx.actor.id, resolvedAt: new Date(), resolution: input.reason, chosenAnnotationId: resultId },
      });
    }
    await tx.assignment.update({ where: { id: assignment.id }, data: { status: 'SUBMITTED', submittedAt: new Date() } });
    await tx.task.update({
      where: { id: assignment.task.id },
      data: {
        passId: null,
        status: 'DONE',
        openSlots: 0,
        doneAt: new Date(),
        resultAnnotationId: resultId,
        version: { increment: 1 },
      },
    });
    await recordAudit(tx, ctx, {
      action: 'task.adjudicate',
      projectId: assignment.task.projectId,
      subjectType: 'Task',
      subjectId: assignment.task.id,
      before: { version: input.taskVersion },
      after: { resultAnnotationId: resultId, merged: !input.chosenAnnotationId, reason: input.reason },
    });
    return { taskId: assignment.task.id, taskStatus: 'DONE', movedTo: 'done' };
  });
}

async function acceptChosen(tx: Tx, assignment: LockedAssignment, annotationId: string): Promise<string> {
  const chosen = await tx.annotation.findFirst({
    where: { id: annotationId, status: { not: 'DRAFT' }, assignment: { taskId: assignment.task.id } },
    select: { id: true },
  });
  if (!chosen) throw new AppError('UNPROCESSABLE', 'The chosen annotation is not one of this item’s submitted versions');
  await tx.annotation.update({ where: { id: chosen.id }, data: { status: 'ACCEPTED' } });
  return chosen.id;
}

async function storeMerged(tx: Tx, ctx: Ctx, assignment: LockedAssignment, regions: TRegion[]): Promise<string> {
  const taxonomy = await currentTaxonomy(tx, assignment.task.projectId);
  const merged = await tx.annotation.create({
    data: {
      assignmentId: assignment.id,
      authorId: ctx.actor.id,
      taxonomyVersionId: taxonomy.id,
      regions: regions as Prisma.InputJsonValue,
      status: 'ACCEPTED',
      revisions: { create: { version: 1, regions: regions as Prisma.InputJsonValue } },
    },
    select: { id: true },
  });
  return merged.id;
}
