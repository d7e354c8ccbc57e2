import type { TSnapshotFilter } from '@/lib/schemas/snapshot';
import { empty, rows, sql, type SqlClient } from '../sql';

export interface Candidate {
  taskId: string;
  assetId: string;
  annotationId: string;
  /** The item's most frequent class ('' without regions): its stratum for a stratified split. */
  stratum: string;
}

/**
 * The finished items a snapshot filter takes, one per asset (its latest finished task), in a stable
 * order: by content hash, then asset id, so the same data gives the same item indexes.
 */
export async function selectCandidates(client: SqlClient, projectId: string, filter: TSnapshotFilter): Promise<Candidate[]> {
  return rows<Candidate>(
    sql`SELECT "taskId", "assetId", "annotationId", stratum FROM (
        SELECT DISTINCT ON (a.id) t.id AS "taskId", a.id AS "assetId", an.id AS "annotationId", a."blobSha256",
          COALESCE((SELECT r->>'classId' FROM jsonb_array_elements(an.regions) r
            GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1), '') AS stratum
        FROM "Task" t
        JOIN "Annotation" an ON an.id = t."resultAnnotationId"
        JOIN "Asset" a ON a.id = t."assetId"
        WHERE t."projectId" = ${projectId} AND t.status = 'DONE'
          ${filter.status === 'accepted' ? sql`AND an.status = 'ACCEPTED'` : empty}
          ${filter.kinds.length > 0 ? sql`AND a.kind::text = ANY(${filter.kinds}::text[])` : empty}
          ${filter.importBatchIds.length > 0 ? sql`AND a."importBatchId" = ANY(${filter.importBatchIds}::text[])` : empty}
          ${filter.doneFrom ? sql`AND t."doneAt" >= ${filter.doneFrom}::date` : empty}
          ${filter.doneBefore ? sql`AND t."doneAt" < ${filter.doneBefore}::date` : empty}
          ${
            filter.classIds.length > 0
              ? sql`AND EXISTS (SELECT 1 FROM jsonb_array_elements(an.regions) r WHERE r->>'classId' = ANY(${filter.classIds}::text[]))`
              : empty
          }
        ORDER BY a.id, t."doneAt" DESC NULLS LAST, t.id
      ) picked
      ORDER BY "blobSha256", "assetId"`,
    client,
  );
}
