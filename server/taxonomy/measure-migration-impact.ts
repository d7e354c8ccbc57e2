import type { TOperationImpact } from '@/lib/schemas/taxonomy-migration';
import { operationClassIds, type TTaxonomyOperation } from '@/lib/taxonomy-migration/operations';
import { Prisma } from '../generated/prisma/client';
import { one, sql, type Sql, type SqlClient } from '../sql';

const SAMPLES = 5;

/**
 * Per operation, the annotations of `fromVersionId` holding a region of one of its classes
 * (`operationClassIds`, the test the migration records), their tasks by pass and status, and the
 * project's snapshots holding such labels. One statement over the stored JSON: each annotation's
 * class ids are pulled out once (`jsonb_path_query_array`) and matched with `?|`, so nothing is loaded
 * into Node, and annotations touching no operation are dropped before any join.
 */
export async function measureMigrationImpact(
  client: SqlClient,
  input: { projectId: string; fromVersionId: string; operations: readonly TTaxonomyOperation[] },
): Promise<{ annotations: number; impact: TOperationImpact[] }> {
  const classIds = input.operations.map(operationClassIds);
  const all = [...new Set(classIds.flat())];
  if (all.length === 0) return { annotations: await countOn(client, input.fromVersionId), impact: [] };
  const row = await one<{ annotations: number; ops: TOperationImpact[]; passes: PassRow[]; snapshots: SnapshotRow[] }>(
    sql`WITH hit AS MATERIALIZED (
        SELECT n.id, t.id AS "taskId", t."passId", t.status, n.ops
        FROM (SELECT id, "assignmentId", ${touchedOperations(classIds)} AS ops
              FROM (SELECT id, "assignmentId", jsonb_path_query_array(regions, '$[*].classId') AS classes
                    FROM "Annotation" WHERE "taxonomyVersionId" = ${input.fromVersionId}) c
              WHERE c.classes ?| ${all}::text[]) n
        JOIN "Assignment" a ON a.id = n."assignmentId" JOIN "Task" t ON t.id = a."taskId"
      ), per_op AS MATERIALIZED (
        SELECT unnest(ops) AS op, id, "taskId", "passId", status FROM hit
      ), snap AS (
        SELECT unnest(${touchedOperations(classIds)}) AS op, s."snapshotId"
        FROM (SELECT si."snapshotId", jsonb_path_query_array(si.regions, '$[*].classId') AS classes
              FROM "SnapshotItem" si JOIN "Snapshot" sn ON sn.id = si."snapshotId"
              WHERE sn."projectId" = ${input.projectId}) s
        WHERE s.classes ?| ${all}::text[]
      )
      SELECT
        (SELECT count(*)::int FROM "Annotation" WHERE "taxonomyVersionId" = ${input.fromVersionId}) AS annotations,
        (SELECT coalesce(json_agg(g ORDER BY g.operation), '[]') FROM (
          SELECT p.op AS operation, count(*)::int AS annotations, count(DISTINCT p."taskId")::int AS tasks,
            (SELECT coalesce(json_agg(json_build_object('annotationId', x.id, 'taskId', x."taskId")), '[]')
               FROM (SELECT id, "taskId" FROM per_op WHERE op = p.op ORDER BY id LIMIT ${SAMPLES}) x) AS samples
          FROM per_op p GROUP BY p.op) g) AS ops,
        (SELECT coalesce(json_agg(b ORDER BY b.operation, b."passName", b.status), '[]') FROM (
          SELECT c.operation, c."passId", wp.name AS "passName", c.status, c.tasks
          FROM (SELECT op AS operation, "passId", status::text AS status, count(DISTINCT "taskId")::int AS tasks
                FROM per_op GROUP BY 1, 2, 3) c
          LEFT JOIN "WorkflowPass" wp ON wp.id = c."passId") b) AS passes,
        (SELECT coalesce(json_agg(c), '[]') FROM (
          SELECT op AS operation, count(DISTINCT "snapshotId")::int AS snapshots FROM snap GROUP BY op) c) AS snapshots`,
    client,
  );
  return { annotations: row!.annotations, impact: assemble(input.operations.length, row!) };
}

interface PassRow {
  operation: number;
  passId: string | null;
  passName: string | null;
  status: string;
  tasks: number;
}
interface SnapshotRow {
  operation: number;
  snapshots: number;
}

/** `ARRAY[CASE WHEN classes ?| {ids of op 0} THEN 0 END, …]` without the NULLs: the operations a row touches. */
function touchedOperations(classIds: string[][]): Sql {
  const cases = classIds.map((ids, i) => sql`CASE WHEN classes ?| ${ids}::text[] THEN ${i}::int END`);
  return sql`array_remove(ARRAY[${Prisma.join(cases)}]::int[], NULL)`;
}

async function countOn(client: SqlClient, versionId: string): Promise<number> {
  const row = await one<{ n: number }>(
    sql`SELECT count(*)::int AS n FROM "Annotation" WHERE "taxonomyVersionId" = ${versionId}`,
    client,
  );
  return row!.n;
}

/** One entry per operation, zero where nothing is touched. */
function assemble(
  count: number,
  row: { ops: TOperationImpact[]; passes: PassRow[]; snapshots: SnapshotRow[] },
): TOperationImpact[] {
  return Array.from({ length: count }, (_, operation) => {
    const found = row.ops.find((o) => o.operation === operation);
    return {
      operation,
      annotations: found?.annotations ?? 0,
      tasks: found?.tasks ?? 0,
      byPass: row.passes.filter((p) => p.operation === operation).map(({ operation: _, ...rest }) => rest),
      snapshots: row.snapshots.find((s) => s.operation === operation)?.snapshots ?? 0,
      samples: found?.samples ?? [],
    };
  });
}
