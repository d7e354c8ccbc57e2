import { ZPendingDecisionSchema, type TMigrationDecisions } from '@/lib/schemas/taxonomy-migration';
import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject } from '../permissions';

const LISTED = 100;

/**
 * The re-review queue: annotations a migration moved with a region waiting for a person (a split's
 * class, an attribute added without a default), oldest first. Leads decide them here; the label
 * stays usable meanwhile (a split region carries its first choice).
 */
export async function listMigrationDecisions(ctx: Ctx, input: { projectId: string }): Promise<TMigrationDecisions> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'taxonomy:write');
  const where = { pending: true, migration: { projectId: access.projectId } };
  const [total, rows] = await Promise.all([
    db().annotationMigration.count({ where }),
    db().annotationMigration.findMany({
      where,
      orderBy: { createdAt: 'asc' },
      take: LISTED,
      select: {
        id: true,
        annotationId: true,
        needsDecision: true,
        migration: { select: { toVersion: { select: { version: true } } } },
        annotation: {
          select: { assignment: { select: { task: { select: { id: true, asset: { select: { filename: true } } } } } } },
        },
      },
    }),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      annotationId: r.annotationId,
      taskId: r.annotation.assignment.task.id,
      assetName: r.annotation.assignment.task.asset.filename,
      toVersion: r.migration.toVersion.version,
      pending: ZPendingDecisionSchema.array().parse(r.needsDecision),
    })),
  };
}
