import type { TAnnotationSaved, TRegion } from '@/lib/schemas/workflow';
import type { Ctx } from '../context';
import { db, type Tx } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { annotationConflict } from './annotation-conflict';
import { AppError } from '../errors';
import { carrySaveAcrossMigrations } from './carry-save-across-migrations';
import { assertNoNewDeprecatedLabels } from './deprecated-classes';
import { annotationRules, assertRegions, type AnnotationRules } from './check-regions';
import { lockAssignment } from './lock-assignment';
import { leaseFromNow } from './workflow-constants';

/**
 * The editor's autosave: replaces the regions when `version` is the one stored, else 409 (another
 * tab or device saved meanwhile; the editor keeps its local draft and offers to reload). Malformed
 * regions (`regionProblems` `save` problems against the classes the pass may use) are refused with
 * 422 and nothing changes, and so is the first label of a deprecated class on an item; a draft may
 * still lack required attributes. Each save renews the lease,
 * so someone working is never timed out. A save based on a version that only taxonomy migrations
 * have moved on since is put through them and stored (`migrated` in the answer: the editor takes
 * those regions); when they cannot be carried over, 409 `TAXONOMY_CHANGED` (the editor says so rather
 * than "changed elsewhere"). Autosaves are not audited one by one: the submit records
 * the result.
 */
export async function saveAnnotation(
  ctx: Ctx,
  input: { projectId: string; assignmentId: string; version: number; regions: TRegion[] },
): Promise<TAnnotationSaved> {
  return db().$transaction(async (tx) => {
    const assignment = await lockAssignment(tx, ctx, input, ['LABEL']);
    // The annotation's row first: a taxonomy migration moving it commits before we read its version, not under our write.
    await tx.$queryRaw`SELECT 1 FROM "Annotation" WHERE "assignmentId" = ${assignment.id} FOR UPDATE`;
    // Without an annotation there are no rules to check against; the write below says why.
    const rules = await annotationRules(tx, assignment.id, { withRegions: false });
    const carried =
      rules && rules.version !== input.version
        ? await carrySaveAcrossMigrations(tx, { ...input, assignmentId: assignment.id, currentVersion: rules.version })
        : null;
    const { version, regions } = carried ?? input;
    if (rules) {
      assertCarriedRegions(regions, rules, carried !== null);
      await assertNoNewDeprecatedLabels(tx, assignment.id, regions, rules.classes);
    }
    const saved = await writeRegions(tx, assignment.id, version, regions);
    if (!assignment.directed)
      await tx.assignment.update({ where: { id: assignment.id }, data: { leaseExpiresAt: leaseFromNow() } });
    return {
      version: saved.version,
      updatedAt: saved.updatedAt.toISOString(),
      ...(carried ? { migrated: { regions, taxonomyVersion: rules!.taxonomyVersion } } : {}),
    };
  });
}

/**
 * A save carried across a migration that its new version refuses cannot be stored: 409, reload, rather
 * than 422 for labels the annotator did not make. Its own code, so the editor can tell the annotator
 * the taxonomy moved (nobody else touched the item).
 */
function assertCarriedRegions(regions: TRegion[], rules: AnnotationRules, carried: boolean): void {
  try {
    assertRegions(regions, rules, 'save');
  } catch (error) {
    if (!carried || !(error instanceof AppError)) throw error;
    throw new AppError(
      'TAXONOMY_CHANGED',
      `The taxonomy changed to version ${rules.taxonomyVersion} while you worked and these labels cannot be carried over (${error.message}); reload to continue`,
      error.details,
    );
  }
}

/** Conditional on the version: the update matches nothing when someone saved in between. */
export async function writeRegions(tx: Tx, assignmentId: string, version: number, regions: TRegion[]) {
  const { count } = await tx.annotation.updateMany({
    where: { assignmentId, version },
    data: { regions: regions as Prisma.InputJsonValue, version: { increment: 1 } },
  });
  if (count === 0) throw await annotationConflict(tx, assignmentId);
  return tx.annotation.findUniqueOrThrow({
    where: { assignmentId },
    select: { id: true, version: true, updatedAt: true, regions: true },
  });
}
