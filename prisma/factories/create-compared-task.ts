import type { PrismaClient } from '@/server/generated/prisma/client';

export interface ComparedSubmission {
  userId: string;
  regions: object[];
  at: Date;
}

export interface ComparedTaskInput {
  projectId: string;
  assetId: string;
  /** The LABEL pass (overlap > 1) the submissions were made in. */
  passId: string;
  taxonomyVersionId: string;
  submissions: ComparedSubmission[];
}

// What a finished overlap LABEL pass leaves behind: a DONE task whose result is the first
// submission, one submitted assignment, annotation and first revision per annotator, at the times
// given (so a seed or a test can spread them over weeks).
export async function createComparedTask(db: PrismaClient, input: ComparedTaskInput): Promise<string> {
  const last = input.submissions.reduce((t, s) => (s.at > t ? s.at : t), new Date(0));
  const task = await db.task.create({
    data: {
      projectId: input.projectId,
      assetId: input.assetId,
      overlap: input.submissions.length,
      status: 'DONE',
      passId: null,
      openSlots: 0,
      createdAt: input.submissions[0]?.at,
      doneAt: last,
    },
  });
  let result: string | null = null;
  for (const s of input.submissions) {
    const assignment = await db.assignment.create({
      data: {
        taskId: task.id,
        userId: s.userId,
        pass: 'LABEL',
        passId: input.passId,
        status: 'SUBMITTED',
        queuedAt: task.createdAt,
        claimedAt: s.at,
        submittedAt: s.at,
      },
    });
    const annotation = await db.annotation.create({
      data: {
        assignmentId: assignment.id,
        authorId: s.userId,
        taxonomyVersionId: input.taxonomyVersionId,
        status: 'SUBMITTED',
        regions: s.regions,
        createdAt: s.at,
      },
    });
    await db.annotationRevision.create({
      data: { annotationId: annotation.id, version: 1, regions: s.regions, createdAt: s.at },
    });
    result ??= annotation.id;
  }
  await db.task.update({ where: { id: task.id }, data: { resultAnnotationId: result } });
  return task.id;
}
