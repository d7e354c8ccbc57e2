import type { TRegion } from '@/lib/schemas/workflow';
import { applyOperations } from '@/lib/taxonomy-migration/apply-operations';
import { ZTaxonomyOperationsSchema } from '@/lib/taxonomy-migration/operations';
import { rows, sql, type SqlClient } from '../sql';

interface Step {
  id: string;
  migrationId: string;
  versionBefore: number;
  versionAfter: number;
  operations: unknown;
  pending: boolean;
}

/**
 * A save based on an annotation version that taxonomy migrations have since moved on: when the only
 * writes since `version` were migrations, the regions sent are put through the same operations and
 * saved at the current version, so an annotator mid-task on the old taxonomy loses nothing. What they
 * now need a person for replaces what the migration had found (the save replaces every region).
 * Null when someone else saved in between: that is a real conflict (409).
 */
export async function carrySaveAcrossMigrations(
  tx: SqlClient,
  input: { assignmentId: string; version: number; regions: TRegion[]; currentVersion: number },
): Promise<{ version: number; regions: TRegion[] } | null> {
  const steps = await rows<Step>(
    sql`SELECT am.id, am."migrationId", am."versionBefore", am."versionAfter", m.operations, am.pending
      FROM "AnnotationMigration" am
      JOIN "Annotation" n ON n.id = am."annotationId"
      JOIN "TaxonomyMigration" m ON m.id = am."migrationId"
      WHERE n."assignmentId" = ${input.assignmentId} AND am."versionBefore" >= ${input.version}
      ORDER BY am."versionBefore"`,
    tx,
  );
  let at = input.version;
  let regions = input.regions;
  const settled: { step: Step; pending: unknown[] }[] = [];
  for (const step of steps) {
    if (step.versionBefore !== at) return null;
    const result = applyOperations(regions, ZTaxonomyOperationsSchema.parse(step.operations));
    settled.push({ step, pending: result.needsDecision });
    regions = result.regions;
    at = step.versionAfter;
  }
  if (at !== input.currentVersion || settled.length === 0) return null;
  for (const { step, pending } of settled) await recordDecisions(tx, step, pending);
  return { version: at, regions };
}

async function recordDecisions(tx: SqlClient, step: Step, pending: unknown[]): Promise<void> {
  const nowPending = pending.length > 0;
  await rows(
    sql`UPDATE "AnnotationMigration" SET "needsDecision" = ${JSON.stringify(pending)}::jsonb, pending = ${nowPending}
      WHERE id = ${step.id}`,
    tx,
  );
  if (nowPending !== step.pending) {
    await rows(
      sql`UPDATE "TaxonomyMigration" SET decisions = decisions + ${nowPending ? 1 : -1} WHERE id = ${step.migrationId}`,
      tx,
    );
  }
}
