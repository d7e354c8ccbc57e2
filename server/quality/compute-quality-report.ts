import { compareAnnotations, FAMILY_OF, type ComparedRegion } from '@/lib/quality/compare-task';
import { isoWeekOf } from '@/lib/quality/iso-week';
import { summarizeItem } from '@/lib/quality/item-summary';
import { buildQualityReport, type LabelCount } from '@/lib/quality/quality-report';
import type { TPairUnit, TQualityReportBody } from '@/lib/schemas/quality';
import type { TGeometry } from '@/lib/schemas/taxonomy';
import { pool } from '../db';
import { rows, sql } from '../sql';
import { JOIN_FIRST_REVISION, loadComparableItems, reportSourceKey, type ComparableItem } from './first-submissions';
import { loadQualitySettings } from './quality-settings';
import { loadTaxonomyLabels } from './taxonomy-labels';

// The quality worker's job. Incremental: an item's comparison (the Hungarian matching, the costly
// part) is kept in QualityTaskResult under a fingerprint of its first submissions, and only items
// whose fingerprint changed are compared again; the aggregation over all items is then redone
// (α over a million pair units takes a fraction of a second).

/** What is stored per item. */
export interface StoredComparison {
  assetId: string;
  week: string;
  taxonomyVersion: number;
  annotators: string[];
  units: TPairUnit[];
  skipped: number;
}

const CHUNK = 500;

export async function computeQualityReport(
  projectId: string,
): Promise<{ recomputedTasks: number; tasks: number; durationMs: number }> {
  const started = performance.now();
  const settings = await loadQualitySettings(pool(), projectId);
  // The key of the state this run starts from: a submission landing meanwhile makes the next GET stale again.
  const { sourceKey } = await reportSourceKey(pool(), projectId, settings);
  const items = await loadComparableItems(pool(), projectId, settings.iouThreshold);
  const cached = await rows<{ taskId: string; passId: string; sourceKey: string }>(
    sql`SELECT "taskId", "passId", "sourceKey" FROM "QualityTaskResult" WHERE "projectId" = ${projectId}`,
  );
  const cachedKey = new Map(cached.map((c) => [`${c.taskId}\u0000${c.passId}`, c.sourceKey]));
  const changed = items.filter((item) => cachedKey.get(`${item.taskId}\u0000${item.passId}`) !== item.sourceKey);
  for (let i = 0; i < changed.length; i += CHUNK)
    await storeComparisons(projectId, changed.slice(i, i + CHUNK), settings.iouThreshold);
  // Items that are no longer comparable (a task deleted, a pass's submissions gone) leave the report.
  await rows(
    sql`DELETE FROM "QualityTaskResult" q WHERE q."projectId" = ${projectId}
      AND NOT (q."taskId" || '/' || q."passId" = ANY(${items.map((i) => `${i.taskId}/${i.passId}`)}::text[]))`,
  );

  const stored = await rows<{ taskId: string; comparison: StoredComparison }>(
    sql`SELECT "taskId", comparison FROM "QualityTaskResult" WHERE "projectId" = ${projectId} ORDER BY "taskId", "passId"`,
  );
  const taxonomy = await loadTaxonomyLabels(pool(), projectId);
  const figures = buildQualityReport({
    tasks: stored.map(({ taskId, comparison }) => ({ taskId, ...comparison })),
    labelCounts: await loadLabelCounts(projectId),
    classes: taxonomy.classes,
    attributes: taxonomy.attributes,
    settings,
  });
  const people = await rows<TQualityReportBody['people'][number]>(
    sql`SELECT id, name, email FROM "User" WHERE id = ANY(${[...new Set(stored.flatMap((s) => s.comparison.annotators))]}::text[])
      ORDER BY name, id`,
  );
  const durationMs = Math.round(performance.now() - started);
  const report: TQualityReportBody = {
    ...figures,
    computedAt: new Date().toISOString(),
    durationMs,
    recomputedTasks: changed.length,
    annotations: items.reduce((n, item) => n + item.submissions.length, 0),
    skippedRegions: stored.reduce((n, s) => n + s.comparison.skipped, 0),
    people,
  };
  await rows(
    sql`INSERT INTO "QualityReport" ("projectId", "sourceKey", report, "computedAt")
      VALUES (${projectId}, ${sourceKey}, ${JSON.stringify(report)}::jsonb, now())
      ON CONFLICT ("projectId") DO UPDATE SET "sourceKey" = EXCLUDED."sourceKey", report = EXCLUDED.report, "computedAt" = now()`,
  );
  return { recomputedTasks: changed.length, tasks: stored.length, durationMs };
}

async function storeComparisons(projectId: string, items: ComparableItem[], iouThreshold: number) {
  const revisions = await rows<{ id: string; regions: ComparedRegion[] }>(
    sql`SELECT id, regions FROM "AnnotationRevision" WHERE id = ANY(${items.flatMap((i) => i.submissions.map((s) => s.revisionId))}::text[])`,
  );
  const regionsOf = new Map(revisions.map((r) => [r.id, Array.isArray(r.regions) ? r.regions : []]));
  const comparisons = items.map((item) => {
    const { units, skipped } = compareAnnotations(
      item.submissions.map((s) => ({ annotatorId: s.authorId, regions: regionsOf.get(s.revisionId) ?? [] })),
      { iouThreshold },
    );
    const latest = item.submissions.reduce((a, s) => (s.submittedAt > a ? s.submittedAt : a), item.submissions[0]!.submittedAt);
    const comparison: StoredComparison = {
      assetId: item.assetId,
      week: isoWeekOf(latest),
      taxonomyVersion: Math.max(...item.submissions.map((s) => s.taxonomyVersion)),
      annotators: item.submissions.map((s) => s.authorId).sort(),
      units,
      skipped,
    };
    return { item, comparison };
  });
  const summaries = comparisons.map(({ comparison: c }) => summarizeItem(c.week, c.annotators, c.units));
  // One statement per chunk of items.
  await rows(
    sql`INSERT INTO "QualityTaskResult" ("taskId", "passId", "projectId", "sourceKey", comparison, summary, "computedAt")
      SELECT task, pass, ${projectId}, key, comparison, summary, now()
      FROM unnest(${comparisons.map((c) => c.item.taskId)}::text[], ${comparisons.map((c) => c.item.passId)}::text[],
        ${comparisons.map((c) => c.item.sourceKey)}::text[], ${comparisons.map((c) => JSON.stringify(c.comparison))}::jsonb[],
        ${summaries.map((s) => JSON.stringify(s))}::jsonb[]) AS x(task, pass, key, comparison, summary)
      ON CONFLICT ("taskId", "passId") DO UPDATE
        SET "sourceKey" = EXCLUDED."sourceKey", comparison = EXCLUDED.comparison, summary = EXCLUDED.summary, "computedAt" = now()`,
  );
}

/** Every first submission's regions by week, region type and class: the label distribution drift is tested on. */
async function loadLabelCounts(projectId: string): Promise<LabelCount[]> {
  const counts = await rows<{ week: string; type: string; classId: string; count: number }>(
    sql`SELECT to_char(date_trunc('week', r."createdAt"), 'YYYY-MM-DD') AS week, e->>'type' AS type, e->>'classId' AS "classId",
        count(*)::int AS count
      FROM "Task" t
      JOIN "Assignment" a ON a."taskId" = t.id AND a.pass = 'LABEL'
      JOIN "Annotation" n ON n."assignmentId" = a.id
      ${JOIN_FIRST_REVISION}
      CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(r.regions) WHEN 'array' THEN r.regions ELSE '[]' END) e
      WHERE t."projectId" = ${projectId} AND e->>'classId' IS NOT NULL
      GROUP BY 1, 2, 3`,
  );
  return counts.flatMap(({ week, type, classId, count }) => {
    const family = FAMILY_OF[type as TGeometry];
    return family ? [{ family, week, classId, count }] : [];
  });
}
