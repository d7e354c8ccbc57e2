import type pg from 'pg';
import { applyOperations, type MigrationResult } from '@/lib/taxonomy-migration/apply-operations';
import { operationClassIds, type TTaxonomyOperation } from '@/lib/taxonomy-migration/operations';
import type { TRegion } from '@/lib/schemas/workflow';
import { newId, one, rows, sql } from '../sql';

export interface Batch {
  migrationId: string;
  fromVersionId: string;
  toVersionId: string;
  operations: TTaxonomyOperation[];
  size: number;
}

/**
 * One batch, in the caller's transaction: locks the next `size` annotations after `cursor` that are
 * still on the from-version (a save holding one finishes first, and a row it moved on is skipped).
 * Only annotations holding a class some operation concerns (the stored `classIds`, the dry run's
 * test) bring their regions to Node to have the operations applied: no operation changes the others,
 * which move with their regions left in place. One statement then writes the changed regions while
 * moving every version forward (guarded by the from-version), records an `AnnotationMigration` per
 * annotation moved and adds to the migration's progress. Null when none is left after `cursor`.
 */
export async function migrateBatch(
  client: pg.PoolClient,
  batch: Batch,
  cursor: string,
): Promise<{ lastId: string; done: number } | null> {
  const concerned = [...new Set(batch.operations.flatMap(operationClassIds))];
  const picked = await rows<{ id: string; regions: TRegion[] | null }>(
    sql`SELECT id, CASE WHEN "classIds" ?| ${concerned}::text[] THEN regions END AS regions FROM "Annotation"
      WHERE "taxonomyVersionId" = ${batch.fromVersionId} AND id > ${cursor}
      ORDER BY id LIMIT ${batch.size} FOR UPDATE`,
    client,
  );
  if (picked.length === 0) return null;
  const results = picked.map((a) => (a.regions ? applyOperations(a.regions, batch.operations) : null));
  const moved = await one<{ done: number }>(
    sql`WITH v AS (
        SELECT * FROM unnest(${picked.map((a) => a.id)}::text[], ${results.map(changedRegions)}::text[],
          ${picked.map(() => newId())}::text[], ${results.map((r) => `{${r?.touched.join(',') ?? ''}}`)}::text[],
          ${results.map((r) => nonEmptyJson(r?.changes))}::text[], ${results.map((r) => nonEmptyJson(r?.needsDecision))}::text[])
          AS v(id, regions, "migrationRowId", operations, changes, decisions)
      ), moved AS (
        UPDATE "Annotation" n
        SET regions = coalesce(v.regions::jsonb, n.regions), "taxonomyVersionId" = ${batch.toVersionId},
            version = n.version + 1, "updatedAt" = now()
        FROM v WHERE n.id = v.id AND n."taxonomyVersionId" = ${batch.fromVersionId}
        RETURNING n.id, n.version
      ), recorded AS (
        INSERT INTO "AnnotationMigration" (id, "migrationId", "annotationId", "fromVersionId", "toVersionId",
          "versionBefore", "versionAfter", operations, changes, "needsDecision", pending)
        SELECT v."migrationRowId", ${batch.migrationId}, m.id, ${batch.fromVersionId}, ${batch.toVersionId}, m.version - 1,
          m.version, v.operations::int[], coalesce(v.changes::jsonb, '[]'), coalesce(v.decisions::jsonb, '[]'), v.decisions IS NOT NULL
        FROM moved m JOIN v ON v.id = m.id
        RETURNING pending
      )
      UPDATE "TaxonomyMigration"
      SET done = done + (SELECT count(*) FROM recorded), decisions = decisions + (SELECT count(*) FROM recorded WHERE pending)
      WHERE id = ${batch.migrationId}
      RETURNING (SELECT count(*)::int FROM recorded) AS done`,
    client,
  );
  return { lastId: picked[picked.length - 1]!.id, done: moved!.done };
}

/** Regions are sent only where an operation changed them; the rest keep theirs. */
const changedRegions = (result: MigrationResult | null): string | null =>
  result && result.changes.length > 0 ? JSON.stringify(result.regions) : null;

/** Null for nothing (the column's `[]`), so an untouched annotation sends no JSON at all. */
const nonEmptyJson = (list: readonly unknown[] | undefined): string | null =>
  list && list.length > 0 ? JSON.stringify(list) : null;
