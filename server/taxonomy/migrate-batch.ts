import type pg from 'pg';
import { applyOperations } from '@/lib/taxonomy-migration/apply-operations';
import type { TTaxonomyOperation } from '@/lib/taxonomy-migration/operations';
import type { TRegion } from '@/lib/schemas/workflow';
import { newId, rows, sql } from '../sql';

export interface Batch {
  migrationId: string;
  fromVersionId: string;
  toVersionId: string;
  operations: TTaxonomyOperation[];
  size: number;
}

/**
 * One batch, in the caller's transaction: locks the next `size` annotations after `cursor` that are
 * still on the from-version (a save holding one finishes first, and a row it moved on is skipped),
 * applies the operations in Node, and in one statement each writes the changed regions while moving
 * the version forward (guarded by the from-version), records an `AnnotationMigration` per annotation
 * and adds to the migration's progress. Null when none is left after `cursor`.
 */
export async function migrateBatch(
  client: pg.PoolClient,
  batch: Batch,
  cursor: string,
): Promise<{ lastId: string; done: number } | null> {
  const picked = await rows<{ id: string; regions: TRegion[]; version: number }>(
    sql`SELECT id, regions, version FROM "Annotation"
      WHERE "taxonomyVersionId" = ${batch.fromVersionId} AND id > ${cursor}
      ORDER BY id LIMIT ${batch.size} FOR UPDATE`,
    client,
  );
  if (picked.length === 0) return null;
  const results = picked.map((a) => ({ annotation: a, result: applyOperations(a.regions, batch.operations) }));
  // Regions are sent only where an operation changed them; the rest keep theirs.
  const changedRegions = results.map(({ result }) => (result.changes.length > 0 ? JSON.stringify(result.regions) : null));
  const moved = await rows<{ id: string; version: number }>(
    sql`UPDATE "Annotation" n
      SET regions = coalesce(v.regions::jsonb, n.regions), "taxonomyVersionId" = ${batch.toVersionId},
          version = n.version + 1, "updatedAt" = now()
      FROM unnest(${picked.map((a) => a.id)}::text[], ${changedRegions}::text[]) AS v(id, regions)
      WHERE n.id = v.id AND n."taxonomyVersionId" = ${batch.fromVersionId}
      RETURNING n.id, n.version`,
    client,
  );
  const versionAfter = new Map(moved.map((m) => [m.id, m.version]));
  const recorded = results.filter(({ annotation }) => versionAfter.has(annotation.id));
  const pending = recorded.filter(({ result }) => result.needsDecision.length > 0).length;
  await rows(
    sql`INSERT INTO "AnnotationMigration" (id, "migrationId", "annotationId", "fromVersionId", "toVersionId",
        "versionBefore", "versionAfter", operations, changes, "needsDecision", pending)
      SELECT r.id, ${batch.migrationId}, r."annotationId", ${batch.fromVersionId}, ${batch.toVersionId}, r.before, r.after,
        ARRAY(SELECT jsonb_array_elements_text(r.ops::jsonb)::int), r.changes::jsonb, r.decisions::jsonb,
        jsonb_array_length(r.decisions::jsonb) > 0
      FROM unnest(${recorded.map(() => newId())}::text[], ${recorded.map((r) => r.annotation.id)}::text[],
        ${recorded.map((r) => r.annotation.version)}::int[], ${recorded.map((r) => versionAfter.get(r.annotation.id)!)}::int[],
        ${recorded.map((r) => JSON.stringify(r.result.touched))}::text[], ${recorded.map((r) => JSON.stringify(r.result.changes))}::text[],
        ${recorded.map((r) => JSON.stringify(r.result.needsDecision))}::text[])
        AS r(id, "annotationId", before, after, ops, changes, decisions)`,
    client,
  );
  await rows(
    sql`UPDATE "TaxonomyMigration" SET done = done + ${recorded.length}, decisions = decisions + ${pending} WHERE id = ${batch.migrationId}`,
    client,
  );
  return { lastId: picked[picked.length - 1]!.id, done: recorded.length };
}
