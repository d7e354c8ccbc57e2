import type { Prisma } from '../generated/prisma/client';
import type { Tx } from '../db';
import { AppError } from '../errors';
import type { MigrationPlan } from './load-migration-plan';
import { measureMigrationImpact } from './measure-migration-impact';

/**
 * Opens the migration of the labels on `from` to the version being published, with the dry run taken
 * in the same transaction (what the applied counts are checked against). One migration runs at a
 * time per project: the next publish waits (409) until the last one is done, so every annotation is
 * on one of two versions at most while labels move.
 */
export async function openTaxonomyMigration(
  tx: Tx,
  input: { projectId: string; plan: MigrationPlan; from: NonNullable<MigrationPlan['from']> },
): Promise<{ id: string; status: string }> {
  const running = await tx.taxonomyMigration.findFirst({
    where: { projectId: input.projectId, status: { in: ['QUEUED', 'RUNNING'] } },
    select: { toVersion: { select: { version: true } } },
  });
  if (running) {
    throw new AppError(
      'CONFLICT',
      `Labels are still moving to version ${running.toVersion.version}: publish again once that is done`,
    );
  }
  const measured = await measureMigrationImpact(tx, {
    projectId: input.projectId,
    fromVersionId: input.from.id,
    operations: input.plan.operations,
  });
  return tx.taxonomyMigration.create({
    data: {
      projectId: input.projectId,
      fromVersionId: input.from.id,
      toVersionId: input.plan.draft.id,
      operations: input.plan.operations as Prisma.InputJsonValue,
      impact: measured.impact as unknown as Prisma.InputJsonValue,
      total: measured.annotations,
      // Nothing to move: done at once, and the next publish need not wait for a job.
      ...(measured.annotations === 0 ? { status: 'DONE' as const, appliedAt: new Date() } : {}),
    },
    select: { id: true, status: true },
  });
}
