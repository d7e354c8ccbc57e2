import type { TRegion } from '@/lib/schemas/workflow';
import type { Ctx } from '../context';
import { db, type Tx } from '../db';
import type { Prisma } from '../generated/prisma/client';
import { annotationConflict } from './annotation-conflict';
import { annotationRules, assertRegions } from './check-regions';
import { lockAssignment } from './lock-assignment';
import { leaseFromNow } from './workflow-constants';

/**
 * The editor's autosave: replaces the regions when `version` is the one stored, else 409 (another
 * tab or device saved meanwhile; the editor keeps its local draft and offers to reload). Malformed
 * regions (`regionProblems` `save` problems against the classes the pass may use) are refused with
 * 422 and nothing changes; a draft may still lack required attributes. Each save renews the lease,
 * so someone working is never timed out. Autosaves are not audited one by one: the submit records
 * the result.
 */
export async function saveAnnotation(
  ctx: Ctx,
  input: { projectId: string; assignmentId: string; version: number; regions: TRegion[] },
): Promise<{ version: number; updatedAt: string }> {
  return db().$transaction(async (tx) => {
    const assignment = await lockAssignment(tx, ctx, input, ['LABEL']);
    // Without an annotation there are no rules to check against; the write below says why.
    const rules = await annotationRules(tx, assignment.id, { withRegions: false });
    if (rules) assertRegions(input.regions, rules, 'save');
    const saved = await writeRegions(tx, assignment.id, input.version, input.regions);
    if (!assignment.directed)
      await tx.assignment.update({ where: { id: assignment.id }, data: { leaseExpiresAt: leaseFromNow() } });
    return { version: saved.version, updatedAt: saved.updatedAt.toISOString() };
  });
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
