import type { TQualityComparison } from '@/lib/schemas/quality';
import type { Ctx } from '../context';
import { db, pool } from '../db';
import { notFound } from '../errors';
import { authorizeProject } from '../permissions';
import { one, rows, sql } from '../sql';
import type { StoredComparison } from './compute-quality-report';
import { loadTaxonomyLabels } from './taxonomy-labels';
import { JOIN_FIRST_REVISION } from './first-submissions';

/** One item's first submissions side by side, with the region matching the report counted. */
export async function getQualityComparison(ctx: Ctx, input: { projectId: string; taskId: string }): Promise<TQualityComparison> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'quality:read');
  const result = await one<{ passId: string; passName: string; comparison: StoredComparison }>(
    sql`SELECT q."passId", p.name AS "passName", q.comparison FROM "QualityTaskResult" q
      JOIN "WorkflowPass" p ON p.id = q."passId"
      WHERE q."taskId" = ${input.taskId} AND q."projectId" = ${access.projectId}
      ORDER BY q."computedAt" DESC LIMIT 1`,
  );
  if (!result) throw notFound('Compared item');
  const asset = await one<TQualityComparison['asset']>(
    sql`SELECT a.id, a.filename AS name, a.kind::text AS kind, a.width, a.height, a."durationSec"
      FROM "Task" t JOIN "Asset" a ON a.id = t."assetId" WHERE t.id = ${input.taskId}`,
  );
  const annotations = await rows<{ id: string; name: string; email: string; submittedAt: Date; regions: unknown }>(
    sql`SELECT u.id, u.name, u.email, r."createdAt" AS "submittedAt", r.regions
      FROM "Assignment" a
      JOIN "Annotation" n ON n."assignmentId" = a.id
      JOIN "User" u ON u.id = n."authorId"
      ${JOIN_FIRST_REVISION}
      WHERE a."taskId" = ${input.taskId} AND a."passId" = ${result.passId}
      ORDER BY u.id`,
  );
  return {
    taskId: input.taskId,
    passName: result.passName,
    asset: asset!,
    annotations: annotations.map((a) => ({
      annotator: { id: a.id, name: a.name, email: a.email },
      submittedAt: a.submittedAt.toISOString(),
      regions: Array.isArray(a.regions) ? a.regions : [],
    })),
    units: result.comparison.units,
    classes: (await loadTaxonomyLabels(pool(), access.projectId)).classes,
  };
}
