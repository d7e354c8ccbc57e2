import { rows, sql, type SqlClient } from '../sql';

/**
 * Which of `classIds` label at least one region of an annotation on the version: one scan of the
 * stored class ids (no region JSON), only rows holding one of them.
 */
export async function labeledClasses(client: SqlClient, versionId: string, classIds: string[]): Promise<Set<string>> {
  if (classIds.length === 0) return new Set();
  const found = await rows<{ classId: string }>(
    sql`SELECT DISTINCT c AS "classId"
      FROM (SELECT "classIds" AS classes FROM "Annotation" WHERE "taxonomyVersionId" = ${versionId}) n,
        jsonb_array_elements_text(n.classes) AS c
      WHERE n.classes ?| ${classIds}::text[] AND c = ANY(${classIds}::text[])`,
    client,
  );
  return new Set(found.map((r) => r.classId));
}
