import type { TSplit } from '@/lib/export/export-item';
import { rows, sql, type Sql, type SqlClient } from '../sql';
import type { Candidate } from './select-candidates';

const CHUNK = 5000;

/**
 * Copies the items into the snapshot in SQL (labels never pass through Node): the result annotation's
 * regions and version, the asset's facts as they are now, and the provenance: pseudonymous ids
 * (`p_` + 12 hex of sha256(project:user), stable within a project, not the account) of those who
 * labeled it and reviewed it, and every review decision with its time.
 */
export async function insertSnapshotItems(
  tx: SqlClient,
  snapshot: { id: string; projectId: string },
  candidates: readonly Candidate[],
  splits: readonly TSplit[],
): Promise<void> {
  const pseudonym = (column: Sql) =>
    sql`'p_' || left(encode(sha256(convert_to(${snapshot.projectId}::text || ':' || ${column}, 'UTF8')), 'hex'), 12)`;
  for (let start = 0; start < candidates.length; start += CHUNK) {
    const chunk = candidates.slice(start, start + CHUNK);
    await rows(
      sql`INSERT INTO "SnapshotItem" ("snapshotId", index, "assetId", sha256, asset, "annotationId", "annotationVersion", split, regions, provenance)
        SELECT ${snapshot.id}, c.idx, a.id, a."blobSha256",
          jsonb_build_object('kind', a.kind, 'mime', a.mime, 'bytes', a.bytes, 'originalName', a.filename,
            'width', a.width, 'height', a.height, 'durationSec', a."durationSec", 'fps', a.fps, 'frameCount', a."frameCount",
            'capturedAt', to_char(a."capturedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'device', a.device, 'location', a.location,
            'consent', a.consent, 'license', a.license, 'metadata', a.metadata, 'source', a.source, 'sourceUri', a."sourceUri",
            'importBatchId', a."importBatchId"),
          an.id, an.version, c.split, an.regions,
          jsonb_build_object(
            'labelers', (SELECT COALESCE(jsonb_agg(DISTINCT ${pseudonym(sql`la."authorId"`)}), '[]'::jsonb)
              FROM "Assignment" las JOIN "Annotation" la ON la."assignmentId" = las.id
              WHERE las."taskId" = c.task_id AND las.pass = 'LABEL' AND las.status = 'SUBMITTED'),
            'decisions', (SELECT COALESCE(jsonb_agg(jsonb_build_object('by', ${pseudonym(sql`r."reviewerId"`)},
                'decision', r.decision, 'at', to_char(r."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY r."createdAt", r.id), '[]'::jsonb)
              FROM "Review" r JOIN "Annotation" ra ON ra.id = r."annotationId" JOIN "Assignment" ras ON ras.id = ra."assignmentId"
              WHERE ras."taskId" = c.task_id),
            'adjudicatedBy', (SELECT ${pseudonym(sql`e."resolvedById"`)} FROM "Escalation" e
              WHERE e."taskId" = c.task_id AND e."resolvedById" IS NOT NULL ORDER BY e."resolvedAt" DESC LIMIT 1))
        FROM unnest(${chunk.map((_, i) => start + i)}::int[], ${chunk.map((c) => c.taskId)}::text[],
          ${chunk.map((c) => c.assetId)}::text[], ${chunk.map((c) => c.annotationId)}::text[], ${splits.slice(start, start + CHUNK)}::text[])
          AS c(idx, task_id, asset_id, annotation_id, split)
        JOIN "Asset" a ON a.id = c.asset_id
        JOIN "Annotation" an ON an.id = c.annotation_id`,
      tx,
    );
  }
}
