import type { VanishedValue } from '@/lib/taxonomy-migration/validate-operations';
import { rows, sql, type SqlClient } from '../sql';

/** The key `labeledValues` answers with, for one value. */
export const valueKey = (v: VanishedValue) => JSON.stringify([v.classId, v.attributeId, v.value]);

/**
 * Which of `values` (a class's enum attribute holding a value) some region of an annotation on the
 * version holds: a JSON containment test per value, which stops at the first annotation found.
 */
export async function labeledValues(client: SqlClient, versionId: string, values: VanishedValue[]): Promise<Set<string>> {
  if (values.length === 0) return new Set();
  const patterns = values.map((v) => JSON.stringify([{ classId: v.classId, attributes: { [v.attributeId]: v.value } }]));
  const found = await rows<{ key: string }>(
    sql`SELECT v.key FROM unnest(${values.map(valueKey)}::text[], ${patterns}::text[]) AS v(key, pattern)
      WHERE EXISTS (SELECT 1 FROM "Annotation" n WHERE n."taxonomyVersionId" = ${versionId} AND n.regions @> v.pattern::jsonb)`,
    client,
  );
  return new Set(found.map((r) => r.key));
}
