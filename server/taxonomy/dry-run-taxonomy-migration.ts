import type { TMigrationImpact } from '@/lib/schemas/taxonomy-migration';
import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject } from '../permissions';
import { transaction } from '../sql';
import { loadMigrationPlan } from './load-migration-plan';
import { measureMigrationImpact } from './measure-migration-impact';

/**
 * What publishing the draft would do to existing labels, without doing it: per operation, the
 * annotations, tasks (by pass and status) and snapshots it touches, and what stops the publish.
 */
export async function dryRunTaxonomyMigration(ctx: Ctx, input: { projectId: string }): Promise<TMigrationImpact> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'taxonomy:write');
  const started = performance.now();
  const plan = await loadMigrationPlan(db(), access.projectId);
  const measured = plan.from
    ? await transaction((client) =>
        measureMigrationImpact(client, {
          projectId: access.projectId,
          fromVersionId: plan.from!.id,
          operations: plan.operations,
        }),
      )
    : { annotations: 0, impact: [] };
  return {
    fromVersion: plan.from?.version ?? null,
    toVersion: plan.draft.version,
    operations: plan.operations,
    annotations: measured.annotations,
    impact: measured.impact,
    problems: plan.problems,
    tookMs: Math.round(performance.now() - started),
  };
}
