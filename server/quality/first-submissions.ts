import { createHash } from 'node:crypto';
import { rows, sql, type SqlClient } from '../sql';

// What the report compares: per item and LABEL pass, each annotator's first submitted revision (the
// independent judgment, before any rework after a review). Items one annotator labeled alone are not
// comparable and are left out.

export interface FirstSubmission {
  taskId: string;
  passId: string;
  assetId: string;
  authorId: string;
  revisionId: string;
  submittedAt: Date;
  taxonomyVersion: number;
}

export interface ComparableItem {
  taskId: string;
  passId: string;
  assetId: string;
  submissions: FirstSubmission[];
  /** Fingerprint of the revisions and the settings that shape the comparison: another one means recompute. */
  sourceKey: string;
}

/** Bump when the comparison of an item or how the report reads it changes (v2: label shift as a JS distance), so caches are recomputed. */
export const COMPARISON_VERSION = 2;

/**
 * Joins `r`, annotation `n`'s first revision (id, regions, createdAt): what its author submitted before
 * any review or rework, the independent judgment agreement is measured on.
 */
export const JOIN_FIRST_REVISION = sql`JOIN LATERAL (
    SELECT r.id, r.regions, r."createdAt" FROM "AnnotationRevision" r WHERE r."annotationId" = n.id ORDER BY r.version LIMIT 1
  ) r ON true`;

function fingerprint(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 32);
}

export async function loadComparableItems(client: SqlClient, projectId: string, iouThreshold: number): Promise<ComparableItem[]> {
  const submissions = await rows<FirstSubmission>(
    sql`SELECT a."taskId", a."passId", t."assetId", n."authorId", r.id AS "revisionId", r."createdAt" AS "submittedAt",
        tv.version AS "taxonomyVersion"
      FROM "Task" t
      JOIN "Assignment" a ON a."taskId" = t.id AND a.pass = 'LABEL'
      JOIN "Annotation" n ON n."assignmentId" = a.id
      JOIN "TaxonomyVersion" tv ON tv.id = n."taxonomyVersionId"
      ${JOIN_FIRST_REVISION}
      WHERE t."projectId" = ${projectId}
      ORDER BY a."taskId", a."passId", n."authorId"`,
    client,
  );
  const items = new Map<string, ComparableItem>();
  for (const s of submissions) {
    const key = `${s.taskId}\u0000${s.passId}`;
    const item = items.get(key) ?? { taskId: s.taskId, passId: s.passId, assetId: s.assetId, submissions: [], sourceKey: '' };
    item.submissions.push(s);
    items.set(key, item);
  }
  return [...items.values()]
    .filter((item) => item.submissions.length > 1)
    .map((item) => ({
      ...item,
      sourceKey: fingerprint(
        COMPARISON_VERSION,
        iouThreshold,
        item.submissions.map((s) => s.revisionId),
      ),
    }));
}

/**
 * The fingerprint of everything a project's report is computed from, cheap enough to check on every
 * page load: the LABEL passes' revisions (count and newest) and the settings.
 */
export async function reportSourceKey(client: SqlClient, projectId: string, settings: unknown) {
  const [state] = await rows<{ revisions: number; latest: Date | null; comparable: number }>(
    sql`WITH revisions AS (
        SELECT a."taskId", a."passId", n.id AS annotation, r."createdAt"
        FROM "Task" t
        JOIN "Assignment" a ON a."taskId" = t.id AND a.pass = 'LABEL'
        JOIN "Annotation" n ON n."assignmentId" = a.id
        JOIN "AnnotationRevision" r ON r."annotationId" = n.id
        WHERE t."projectId" = ${projectId}
      )
      SELECT count(*)::int AS revisions, max("createdAt") AS latest,
        (SELECT count(*)::int FROM (SELECT 1 FROM revisions GROUP BY "taskId", "passId" HAVING count(DISTINCT annotation) > 1) c)
          AS comparable
      FROM revisions`,
    client,
  );
  return {
    sourceKey: fingerprint(COMPARISON_VERSION, state!.revisions, state!.latest?.toISOString() ?? null, settings),
    comparableTasks: state!.comparable,
  };
}
