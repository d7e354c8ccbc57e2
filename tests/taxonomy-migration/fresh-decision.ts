import type { Ctx } from '@/server/context';
import { db } from '@/server/db';
import { heldItem } from '../api/workflow-fixtures';

/** A re-review item on a fresh annotation of the project (for the access matrix: each resolve consumes one). */
export async function freshDecision(owner: Ctx, projectRef: string): Promise<string> {
  const { assignmentId } = await heldItem(owner, projectRef, owner.actor.id, 'LABEL');
  const annotation = await db().annotation.findUniqueOrThrow({
    where: { assignmentId },
    select: { id: true, version: true, taxonomyVersionId: true, taxonomyVersion: { select: { taxonomyId: true } } },
  });
  const projectId = (await db().taxonomy.findUniqueOrThrow({ where: { id: annotation.taxonomyVersion.taxonomyId } })).projectId;
  // The project's only version stands in for both ends: the matrix is about who may decide, not what.
  const migration = await db().taxonomyMigration.upsert({
    where: {
      fromVersionId_toVersionId: { fromVersionId: annotation.taxonomyVersionId, toVersionId: annotation.taxonomyVersionId },
    },
    update: {},
    create: {
      projectId,
      fromVersionId: annotation.taxonomyVersionId,
      toVersionId: annotation.taxonomyVersionId,
      operations: [],
      status: 'DONE',
    },
  });
  const decision = await db().annotationMigration.create({
    data: {
      migrationId: migration.id,
      annotationId: annotation.id,
      fromVersionId: annotation.taxonomyVersionId,
      toVersionId: annotation.taxonomyVersionId,
      versionBefore: annotation.version,
      versionAfter: annotation.version,
      operations: [],
      pending: true,
    },
  });
  return decision.id;
}
