import type pg from 'pg';
import { applyOperations, type MigrationResult } from '@/lib/taxonomy-migration/apply-operations';
import { operationClassIds, type TTaxonomyOperation } from '@/lib/taxonomy-migration/operations';
import type { TRegion } from '@/lib/schemas/workflow';
import { one, rows, sql } from '../sql';

export interface Batch {
  migrationId: string;
  fromVersionId: string;
  toVersionId: string;
  operations: TTaxonomyOperation[];
  size: number;
}

export interface Picked {
  id: string;
  /** Only for annotations holding a class some operation concerns: no operation changes the others. */
  regions: TRegion[] | null;
}

/**
 * Locks the next `size` annotations after `cursor` still on the from-version, in id order, in the
 * caller's transaction (a save holding one finishes first, and a row it moved on is skipped). Regions
 * come to Node only where the stored `classIds` hold a class some operation concerns (the dry run's
 * test); the others move with their regions left in place.
 */
export async function pickBatch(client: pg.PoolClient, batch: Batch, cursor: string): Promise<Picked[]> {
  const concerned = [...new Set(batch.operations.flatMap(operationClassIds))];
  return rows<Picked>(
    sql`SELECT id, CASE WHEN "classIds" ?| ${concerned}::text[] THEN regions END AS regions FROM "Annotation"
      WHERE "taxonomyVersionId" = ${batch.fromVersionId} AND id > ${cursor}
      ORDER BY id LIMIT ${batch.size} FOR UPDATE`,
    client,
  );
}

/**
 * Applies the operations to the picked annotations and, in one statement, writes the changed regions
 * while moving every version forward (guarded by the from-version), records an `AnnotationMigration`
 * per annotation moved and adds to the migration's progress. Returns how many moved.
 */
export async function moveBatch(client: pg.PoolClient, batch: Batch, picked: Picked[]): Promise<number> {
  // One JSON document for the batch: stringified once in Node and parsed once by Postgres, where
  // text arrays would escape every region's JSON into an array literal and parse it twice.
  const input = picked.map((a) => (a.regions ? row(a.id, applyOperations(a.regions, batch.operations)) : { id: a.id }));
  const moved = await one<{ done: number }>(
    sql`WITH v AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
          AS v(id text, regions jsonb, operations int[], changes jsonb, decisions jsonb)
      ), moved AS (
        UPDATE "Annotation" n
        SET regions = coalesce(v.regions, n.regions), "taxonomyVersionId" = ${batch.toVersionId},
            version = n.version + 1, "updatedAt" = now()
        FROM v WHERE n.id = v.id AND n."taxonomyVersionId" = ${batch.fromVersionId}
        RETURNING n.id, n.version
      ), recorded AS (
        INSERT INTO "AnnotationMigration" (id, "migrationId", "annotationId", "fromVersionId", "toVersionId",
          "versionBefore", "versionAfter", operations, changes, "needsDecision", pending)
        SELECT replace(gen_random_uuid()::text, '-', ''), ${batch.migrationId}, m.id, ${batch.fromVersionId},
          ${batch.toVersionId}, m.version - 1, m.version, coalesce(v.operations, '{}'), coalesce(v.changes, '[]'),
          coalesce(v.decisions, '[]'), v.decisions IS NOT NULL
        FROM moved m JOIN v ON v.id = m.id
        RETURNING pending
      )
      UPDATE "TaxonomyMigration"
      SET done = done + (SELECT count(*) FROM recorded), decisions = decisions + (SELECT count(*) FROM recorded WHERE pending)
      WHERE id = ${batch.migrationId}
      RETURNING (SELECT count(*)::int FROM recorded) AS done`,
    client,
  );
  return moved!.done;
}

/**
 * What the statement needs of a migrated annotation. Regions only where an operation changed them
 * (the rest keep theirs), and no changes or decisions when there are none (the columns' `[]`); the
 * migration row's id is made in SQL as `newId()` makes it (a UUID's 32 hex digits).
 */
function row(id: string, result: MigrationResult) {
  return {
    id,
    regions: result.changes.length > 0 ? result.regions : undefined,
    operations: result.touched,
    changes: result.changes.length > 0 ? result.changes : undefined,
    decisions: result.needsDecision.length > 0 ? result.needsDecision : undefined,
  };
}
