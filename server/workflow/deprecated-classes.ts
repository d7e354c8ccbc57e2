import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { TRegion } from '@/lib/schemas/workflow';
import { AppError } from '../errors';
import { rows, sql, type SqlClient } from '../sql';

/**
 * A deprecated class is hidden from new labeling: a save may keep (and edit, cut or split) labels of
 * it that the item already has, but refuses (422) the first label of it on an item. The stored regions
 * are read only when the save holds a deprecated class at all.
 */
export async function assertNoNewDeprecatedLabels(
  client: SqlClient,
  assignmentId: string,
  regions: readonly TRegion[],
  classes: readonly TTaxonomyClass[],
): Promise<void> {
  const deprecated = new Map(classes.filter((c) => c.deprecated).map((c) => [c.id, c]));
  const used = [...new Set(regions.map((r) => r.classId).filter((id) => deprecated.has(id)))];
  if (used.length === 0) return;
  const kept = await rows<{ classId: string }>(
    sql`SELECT DISTINCT r->>'classId' AS "classId"
      FROM "Annotation" n, jsonb_array_elements(n.regions) r
      WHERE n."assignmentId" = ${assignmentId} AND r->>'classId' = ANY(${used}::text[])`,
    client,
  );
  const had = new Set(kept.map((k) => k.classId));
  const fresh = regions.flatMap((region, index) =>
    deprecated.has(region.classId) && !had.has(region.classId) ? [{ region, index }] : [],
  );
  if (fresh.length === 0) return;
  const name = deprecated.get(fresh[0]!.region.classId)!.name;
  throw new AppError(
    'UNPROCESSABLE',
    `These labels cannot be saved: “${name}” is deprecated and takes no new labels; pick another class`,
    fresh.map(({ region, index }) => ({
      path: `regions.${index}.classId`,
      regionId: region.id,
      index,
      field: 'classId',
      message: `“${deprecated.get(region.classId)!.name}” is deprecated and takes no new labels`,
      blocking: 'save',
    })),
  );
}
