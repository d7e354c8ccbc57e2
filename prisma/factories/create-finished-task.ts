import type { PrismaClient } from '@/server/generated/prisma/client';
import { createComparedTask } from './create-compared-task';

export interface FinishedTaskInput {
  projectId: string;
  assetId: string;
  passId: string;
  taxonomyVersionId: string;
  annotatorId: string;
  regions: object[];
  at: Date;
  /** A reviewer who accepted it: the result annotation becomes ACCEPTED. Without one it stays SUBMITTED. */
  acceptedBy?: string;
}

// A DONE item as the workflow leaves it: one annotator's submission, reviewed and accepted or not.
export async function createFinishedTask(
  db: PrismaClient,
  input: FinishedTaskInput,
): Promise<{ taskId: string; annotationId: string }> {
  const taskId = await createComparedTask(db, {
    projectId: input.projectId,
    assetId: input.assetId,
    passId: input.passId,
    taxonomyVersionId: input.taxonomyVersionId,
    submissions: [{ userId: input.annotatorId, regions: input.regions, at: input.at }],
  });
  const { resultAnnotationId } = await db.task.findUniqueOrThrow({ where: { id: taskId }, select: { resultAnnotationId: true } });
  if (input.acceptedBy) {
    await db.annotation.update({ where: { id: resultAnnotationId! }, data: { status: 'ACCEPTED' } });
    await db.review.create({
      data: { annotationId: resultAnnotationId!, reviewerId: input.acceptedBy, decision: 'ACCEPT', createdAt: input.at },
    });
  }
  return { taskId, annotationId: resultAnnotationId! };
}
