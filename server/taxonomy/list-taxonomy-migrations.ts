import type { TTaxonomyMigration } from '@/lib/schemas/taxonomy-migration';
import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject } from '../permissions';

/** The project's label migrations, newest first: what the progress bar polls. */
export async function listTaxonomyMigrations(ctx: Ctx, input: { projectId: string }): Promise<TTaxonomyMigration[]> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'taxonomy:read');
  const migrations = await db().taxonomyMigration.findMany({
    where: { projectId: access.projectId },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: {
      id: true,
      status: true,
      total: true,
      done: true,
      decisions: true,
      failureReason: true,
      createdAt: true,
      appliedAt: true,
      fromVersion: { select: { version: true } },
      toVersion: { select: { version: true } },
    },
  });
  return migrations.map(({ fromVersion, toVersion, createdAt, appliedAt, ...m }) => ({
    ...m,
    fromVersion: fromVersion.version,
    toVersion: toVersion.version,
    createdAt: createdAt.toISOString(),
    appliedAt: appliedAt?.toISOString() ?? null,
  }));
}
