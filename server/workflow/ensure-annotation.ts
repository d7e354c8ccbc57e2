import { ZRegionsSchema, type TRegion } from '@/lib/schemas/workflow';
import { db } from '../db';
import type { AnnotationStatus } from '../generated/prisma/enums';
import { currentTaxonomy } from './published-taxonomy';

export interface OwnAnnotation {
  id: string;
  version: number;
  status: AnnotationStatus;
  regions: TRegion[];
  updatedAt: Date;
  /** The version it was made against, with its classes. */
  taxonomyVersion: { id: string; version: number; definition: unknown };
}

export const OWN_SELECT = {
  id: true,
  version: true,
  status: true,
  regions: true,
  updatedAt: true,
  taxonomyVersion: { select: { id: true, version: true, definition: true } },
} as const;

/**
 * A LABEL assignment's annotation, made on first open: against the current published taxonomy, and
 * starting from the earlier passes' result so a later pass sees (and builds on) their output. Made
 * here rather than in the claim so the claim stays one statement.
 */
export async function ensureAnnotation(
  assignmentId: string,
  authorId: string,
  task: { projectId: string; resultAnnotationId: string | null },
  /** The annotation as the caller already read it with the assignment (undefined: read it here). */
  known?: Omit<OwnAnnotation, 'regions'> & { regions: unknown },
): Promise<OwnAnnotation> {
  const existing = known ?? (await db().annotation.findUnique({ where: { assignmentId }, select: OWN_SELECT }));
  if (existing) return { ...existing, regions: ZRegionsSchema.parse(existing.regions) };
  const [taxonomy, earlier] = await Promise.all([
    currentTaxonomy(db(), task.projectId),
    task.resultAnnotationId
      ? db().annotation.findUnique({ where: { id: task.resultAnnotationId }, select: { regions: true } })
      : null,
  ]);
  // ON CONFLICT DO NOTHING: two first opens at once (two tabs) make one annotation.
  await db().annotation.createMany({
    data: [{ assignmentId, authorId, taxonomyVersionId: taxonomy.id, regions: earlier?.regions ?? [] }],
    skipDuplicates: true,
  });
  const created = await db().annotation.findUniqueOrThrow({ where: { assignmentId }, select: OWN_SELECT });
  return { ...created, regions: ZRegionsSchema.parse(created.regions) };
}
