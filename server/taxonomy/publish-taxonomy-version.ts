import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/canonical-json';
import type { TTaxonomyVersion } from '@/lib/schemas/taxonomy';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError } from '../errors';
import { enqueue } from '../jobs/enqueue';
import { authorizeProject } from '../permissions';
import { presentTaxonomyVersion, TAXONOMY_VERSION_SELECT } from '../presenters/taxonomy-version';
import { loadMigrationPlan } from './load-migration-plan';
import { openTaxonomyMigration } from './open-taxonomy-migration';

/**
 * Freezes the draft as a published version with a checksum; the database refuses later edits to it.
 * When a version was published before, the labels on it are to follow: the draft's operations are
 * checked (422 with every problem), a `TaxonomyMigration` is opened with the dry run taken now, and
 * the `migrate` job that moves the annotations is queued once the publish has committed.
 */
export async function publishTaxonomyVersion(ctx: Ctx, input: { projectId: string }): Promise<TTaxonomyVersion> {
  const { version, migrationId, projectId } = await db().$transaction(
    async (tx) => {
      const access = await authorizeProject(tx, ctx, input.projectId, 'taxonomy:write');
      const plan = await loadMigrationPlan(tx, access.projectId);
      if (plan.draft.definition.classes.length === 0) {
        throw new AppError('UNPROCESSABLE', 'A taxonomy needs at least one class before it can be published');
      }
      if (plan.from && plan.problems.length > 0) {
        throw new AppError('UNPROCESSABLE', `The changes cannot be published: ${plan.problems[0]!.message}`, plan.problems);
      }
      const published = await tx.taxonomyVersion.update({
        where: { id: plan.draft.id },
        data: {
          status: 'PUBLISHED',
          definition: plan.draft.definition,
          checksum: createHash('sha256').update(canonicalJson(plan.draft.definition)).digest('hex'),
          publishedAt: new Date(),
          publishedById: ctx.actor.id,
        },
        select: TAXONOMY_VERSION_SELECT,
      });
      const migration = plan.from
        ? await openTaxonomyMigration(tx, { projectId: access.projectId, plan, from: plan.from })
        : null;
      await recordAudit(tx, ctx, {
        action: 'taxonomy.publish',
        projectId: access.projectId,
        subjectType: 'TaxonomyVersion',
        subjectId: published.id,
        after: {
          version: published.version,
          checksum: published.checksum,
          operations: plan.operations,
          migrationId: migration?.id,
        },
      });
      const migrationId = migration?.status === 'QUEUED' ? migration.id : null;
      return { version: presentTaxonomyVersion(published), migrationId, projectId: access.projectId };
    },
    // The dry run over a large project's labels runs inside; Prisma's 5 s default is too short for it.
    { timeout: 60_000 },
  );
  // After the commit, so the job finds its row. Should this fail, the migrate queue's sweep queues it.
  if (migrationId) await enqueue('migrate', { v: 1, projectId, migrationId });
  return version;
}
