import type pg from 'pg';
import type { TOperationImpact } from '@/lib/schemas/taxonomy-migration';
import {
  impactFromMasks,
  type ImpactSample,
  type MaskCount,
  type TaskMaskCount,
} from '@/lib/taxonomy-migration/impact-from-masks';
import { operationClassIds, type TTaxonomyOperation } from '@/lib/taxonomy-migration/operations';
import type { Tx } from '../db';
import { Prisma } from '../generated/prisma/client';
import { one, rows, sql, type Sql } from '../sql';

const SAMPLES = 5;

/**
 * Per operation, the annotations of `fromVersionId` holding a region of one of its classes
 * (`operationClassIds`, the test the migration records), their tasks by pass and status, the
 * project's snapshots holding such labels, and a few samples. One scan of the version's annotations
 * reads the stored `classIds` and `taskId` (no region JSON, no join through Assignment) and gives
 * each a mask of the operations it touches; annotations are counted by mask, and tasks by (pass,
 * status, the masks of their annotations or-ed together), so only a few rows come back.
 * Runs in the caller's transaction, which it gives the memory to aggregate a million rows in place.
 */
export async function measureMigrationImpact(
  client: pg.PoolClient | Tx,
  input: { projectId: string; fromVersionId: string; operations: readonly TTaxonomyOperation[] },
): Promise<{ annotations: number; impact: TOperationImpact[] }> {
  const classIds = input.operations.map(operationClassIds);
  if (classIds.length === 0) return { annotations: await countOn(client, input.fromVersionId), impact: [] };
  // One statement of analytics: hash tables instead of spilling sorts, and no JIT compile (it costs
  // more than it saves on a statement run once).
  await rows(sql`SET LOCAL work_mem = '256MB'`, client);
  await rows(sql`SET LOCAL jit = off`, client);
  const none = '0'.repeat(classIds.length);
  const row = await one<{
    annotations: number;
    byMask: MaskCount[];
    tasks: TaskMaskCount[];
    snapshots: { operation: number; snapshots: number }[];
  }>(
    sql`WITH scanned AS MATERIALIZED (
        SELECT "taskId", ${mask(classIds, sql`"classIds"`)} AS m
        FROM "Annotation" WHERE "taxonomyVersionId" = ${input.fromVersionId}
      ), by_mask AS (
        -- As text: bit strings have no hash opclass, and sorting a million of them is slow.
        SELECT m::text AS m, count(*)::int AS n FROM scanned GROUP BY 1
      )
      SELECT
        (SELECT coalesce(sum(n), 0)::int FROM by_mask) AS annotations,
        (SELECT coalesce(json_agg(json_build_object('mask', m, 'n', n)), '[]') FROM by_mask WHERE m <> ${none}) AS "byMask",
        (SELECT coalesce(json_agg(x), '[]') FROM (
          SELECT b."passId", wp.name AS "passName", b.status, b.m::text AS mask, count(*)::int AS n
          FROM (SELECT t."passId", t.status::text AS status, bit_or(s.m) AS m
                FROM scanned s JOIN "Task" t ON t.id = s."taskId"
                WHERE s.m <> ${none}::varbit GROUP BY t.id) b
          LEFT JOIN "WorkflowPass" wp ON wp.id = b."passId"
          GROUP BY 1, 2, 3, 4) x) AS tasks,
        (SELECT coalesce(json_agg(c), '[]') FROM (
          SELECT op AS operation, count(DISTINCT "snapshotId")::int AS snapshots
          FROM (SELECT unnest(${touchedOperations(classIds)}) AS op, si."snapshotId"
                FROM (SELECT si."snapshotId", jsonb_path_query_array(si.regions, '$[*].classId') AS classes
                      FROM "SnapshotItem" si JOIN "Snapshot" sn ON sn.id = si."snapshotId"
                      WHERE sn."projectId" = ${input.projectId}) si) s
          GROUP BY op) c) AS snapshots`,
    client,
  );
  const samples = await sampleAnnotations(client, input.fromVersionId, classIds);
  return {
    annotations: row!.annotations,
    impact: impactFromMasks(classIds.length, { annotations: row!.byMask, tasks: row!.tasks, snapshots: row!.snapshots, samples }),
  };
}

/** `'0' || '1' || …` as a bit string: character i is 1 when `classes` holds one of operation i's classes. */
function mask(classIds: string[][], classes: Sql): Sql {
  const bits = classIds.map((ids) => sql`(CASE WHEN ${classes} ?| ${ids}::text[] THEN B'1' ELSE B'0' END)`);
  return Prisma.join(bits, ' || ');
}

/** `ARRAY[CASE WHEN classes ?| {ids of op 0} THEN 0 END, …]` without the NULLs: the operations a snapshot item touches. */
function touchedOperations(classIds: string[][]): Sql {
  const cases = classIds.map((ids, i) => sql`CASE WHEN classes ?| ${ids}::text[] THEN ${i}::int END`);
  return sql`array_remove(ARRAY[${Prisma.join(cases)}]::int[], NULL)`;
}

async function countOn(client: pg.PoolClient | Tx, versionId: string): Promise<number> {
  const row = await one<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM "Annotation" WHERE "taxonomyVersionId" = ${versionId}`,
    client,
  );
  return row!.n;
}

/**
 * The first annotations by id holding each operation's classes: each operation its own branch, so
 * the planner walks the version's id index until it has enough (a common class stops at once).
 */
async function sampleAnnotations(client: pg.PoolClient | Tx, versionId: string, classIds: string[][]): Promise<ImpactSample[]> {
  const branches = classIds.map(
    (ids, operation) =>
      sql`(SELECT ${operation}::int AS operation, id AS "annotationId", "taskId" FROM "Annotation"
        WHERE "taxonomyVersionId" = ${versionId} AND "classIds" ?| ${ids}::text[] ORDER BY id LIMIT ${SAMPLES})`,
  );
  return rows<ImpactSample>(sql`${Prisma.join(branches, ' UNION ALL ')} ORDER BY operation, "annotationId"`, client);
}
