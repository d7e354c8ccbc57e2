import type { Ctx } from '@/server/context';
import { db } from '@/server/db';
import type { Pass } from '@/server/generated/prisma/enums';
import { freshAsset, publishedVersion1 } from './matrix-fixtures';

// Workflow objects for the access matrix: the standard three passes, and an item of a given pass
// held by a given person, made directly in the database so each cell starts from a known state.

const ALL_ROLES = ['OWNER', 'DATA_LEAD', 'REVIEWER', 'ANNOTATOR'] as const;

export interface Passes {
  label: string;
  review: string;
  adjudicate: string;
}

async function projectIdOf(ref: string): Promise<string> {
  return (await db().project.findFirstOrThrow({ where: { OR: [{ id: ref }, { slug: ref }] }, select: { id: true } })).id;
}

/** LABEL → REVIEW → ADJUDICATE, every role allowed, made once per project. */
export async function standardPasses(projectRef: string): Promise<Passes> {
  const projectId = await projectIdOf(projectRef);
  const existing = await db().workflowPass.findMany({ where: { projectId, archivedAt: null }, orderBy: { position: 'asc' } });
  if (existing.length === 0) {
    await db().workflowPass.createMany({
      data: (['LABEL', 'REVIEW', 'ADJUDICATE'] as const).map((kind, position) => ({
        projectId,
        position,
        kind,
        name: kind.toLowerCase(),
        roles: [...ALL_ROLES],
      })),
    });
    return standardPasses(projectId);
  }
  const [label, review, adjudicate] = existing.map((p) => p.id);
  return { label: label!, review: review!, adjudicate: adjudicate! };
}

/** The body of a save that keeps the current passes as they are. */
export async function currentWorkflowBody(projectRef: string) {
  const passes = await standardPasses(projectRef);
  return {
    passes: [
      { id: passes.label, kind: 'LABEL', name: 'label', roles: [...ALL_ROLES] },
      { id: passes.review, kind: 'REVIEW', name: 'review', roles: [...ALL_ROLES] },
      { id: passes.adjudicate, kind: 'ADJUDICATE', name: 'adjudicate', roles: [...ALL_ROLES] },
    ],
  };
}

/**
 * An ACTIVE assignment of `kind` held by `userId` on a fresh task. REVIEW and ADJUDICATE items come
 * with a submitted LABEL annotation by the project owner to judge (and an escalation to decide).
 */
export async function heldItem(
  owner: Ctx,
  projectRef: string,
  userId: string,
  kind: Pass,
): Promise<{ assignmentId: string; taskId: string; subjectId?: string }> {
  await publishedVersion1(owner, projectRef);
  const projectId = await projectIdOf(projectRef);
  const passes = await standardPasses(projectId);
  const taxonomyVersion = await db().taxonomyVersion.findFirstOrThrow({
    where: { taxonomy: { projectId }, status: 'PUBLISHED' },
  });
  const assetId = await freshAsset(owner, projectId);
  const passId = { LABEL: passes.label, REVIEW: passes.review, ADJUDICATE: passes.adjudicate }[kind];
  const task = await db().task.create({
    data: { projectId, assetId, passId, openSlots: 0, status: kind === 'LABEL' ? 'IN_PROGRESS' : 'IN_REVIEW' },
  });
  let subjectId: string | undefined;
  if (kind !== 'LABEL') {
    const labeled = await db().assignment.create({
      data: {
        taskId: task.id,
        userId: owner.actor.id,
        pass: 'LABEL',
        passId: passes.label,
        status: 'SUBMITTED',
        submittedAt: new Date(),
      },
    });
    const subject = await db().annotation.create({
      data: {
        assignmentId: labeled.id,
        authorId: owner.actor.id,
        taxonomyVersionId: taxonomyVersion.id,
        status: 'SUBMITTED',
        regions: [],
      },
    });
    subjectId = subject.id;
    await db().task.update({ where: { id: task.id }, data: { resultAnnotationId: subject.id } });
    if (kind === 'ADJUDICATE') {
      await db().escalation.create({
        data: { taskId: task.id, reason: 'matrix', raisedById: owner.actor.id, dueAt: new Date(Date.now() + 3600_000) },
      });
    }
  }
  const assignment = await db().assignment.create({
    data: { taskId: task.id, userId, pass: kind, passId, status: 'ACTIVE', leaseExpiresAt: new Date(Date.now() + 600_000) },
  });
  if (kind === 'LABEL') {
    await db().annotation.create({
      data: { assignmentId: assignment.id, authorId: userId, taxonomyVersionId: taxonomyVersion.id },
    });
  }
  return { assignmentId: assignment.id, taskId: task.id, subjectId };
}

/** The current version of a task (decisions carry it). */
export async function taskVersion(taskId: string): Promise<number> {
  return (await db().task.findUniqueOrThrow({ where: { id: taskId }, select: { version: true } })).version;
}

/** An item the quality report compared (its comparison stored as the quality worker would). */
export async function comparedItem(owner: Ctx, projectRef: string): Promise<string> {
  const { taskId } = await heldItem(owner, projectRef, owner.actor.id, 'REVIEW');
  const projectId = await projectIdOf(projectRef);
  const passes = await standardPasses(projectId);
  const task = await db().task.findUniqueOrThrow({ where: { id: taskId }, select: { assetId: true } });
  await db().qualityTaskResult.create({
    data: {
      taskId,
      passId: passes.label,
      projectId,
      sourceKey: 'matrix',
      comparison: {
        assetId: task.assetId,
        week: '2026-11-30',
        taxonomyVersion: 1,
        annotators: [owner.actor.id],
        units: [],
        skipped: 0,
      },
    },
  });
  return taskId;
}
