import { randomUUID } from 'node:crypto';
import { regionProblems } from '@/lib/annotate/validate-regions';
import { parseCoco } from '@/lib/label-import/parse-coco';
import { parseJsonl } from '@/lib/label-import/parse-jsonl';
import { parseLabelStudio } from '@/lib/label-import/parse-label-studio';
import type { ParsedRow, ParseResult, Rejection } from '@/lib/label-import/parsed-row';
import { ZLabelImportSchema, type TLabelImport, type TLabelImportReport } from '@/lib/schemas/label-import';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { TRegion } from '@/lib/schemas/workflow';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError } from '../errors';
import { authorizeProject } from '../permissions';
import { rows as query, sql, transaction } from '../sql';
import { publishedClasses } from './published-classes';
import { findAssets } from './find-assets';

const PARSERS: Record<TLabelImport['format'], (text: string) => ParseResult> = {
  jsonl: parseJsonl,
  coco: parseCoco,
  labelstudio: parseLabelStudio,
};
/** How many rejections the report lists (it counts them all). */
const LISTED = 500;

/**
 * Labels from a file (Loupe JSONL, COCO, Label Studio) become model suggestions on the project's
 * assets (a Prediction per item): the first annotator of each item starts from them and accepts,
 * edits or rejects each one. Items are found by content hash or file name, classes by id or name in
 * the published taxonomy, and every region is held to the editor's rules; whatever does not fit is
 * refused with its row and the reason. A dry run (the default) reports and writes nothing.
 */
export async function importLabels(ctx: Ctx, input: { projectId: string } & TLabelImport): Promise<TLabelImportReport> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'workflow:manage');
  const { format, content, model, dryRun } = ZLabelImportSchema.parse(input);
  const classes = await publishedClasses(access.projectId);
  if (!classes)
    throw new AppError('UNPROCESSABLE', 'Publish a taxonomy before importing labels: they are checked against its classes');
  const parsed = PARSERS[format](content);
  if (parsed.rows.length === 0 && parsed.rejected[0]?.row === 'file')
    throw new AppError('UNPROCESSABLE', parsed.rejected[0].reason);
  const rejected: Rejection[] = [...parsed.rejected];
  const assets = await findAssets(access.projectId, parsed.rows);
  const accepted: { assetId: string; model: string; regions: TRegion[] }[] = [];
  for (const row of parsed.rows) {
    const asset = assets.get(row)!;
    if ('reason' in asset) {
      rejected.push({ row: row.row, reason: asset.reason });
      continue;
    }
    const source = row.source.model ?? model;
    const regions = checkedRegions(row, classes, source, rejected);
    if (regions.length > 0) accepted.push({ assetId: asset.assetId, model: source, regions });
  }
  const regionCount = accepted.reduce((n, a) => n + a.regions.length, 0);
  if (!dryRun && accepted.length > 0) {
    await transaction(async (tx) => {
      await query(
        sql`INSERT INTO "Prediction" (id, "assetId", model, regions, "createdAt")
          SELECT gen_random_uuid()::text, asset, model, regions::jsonb, clock_timestamp()
          FROM unnest(${accepted.map((a) => a.assetId)}::text[], ${accepted.map((a) => a.model)}::text[],
            ${accepted.map((a) => JSON.stringify(a.regions))}::text[]) AS p(asset, model, regions)`,
        tx,
      );
      await recordAudit(tx, ctx, {
        action: 'labels.import',
        projectId: access.projectId,
        subjectType: 'Project',
        subjectId: access.projectId,
        after: { format, model, items: accepted.length, regions: regionCount, rejected: rejected.length },
      });
    });
  }
  return {
    dryRun,
    format,
    rows: parsed.rows.length,
    items: accepted.length,
    regions: regionCount,
    created: dryRun ? 0 : accepted.length,
    rejected: rejected.slice(0, LISTED),
    rejectedCount: rejected.length,
  };
}

/** The row's regions that fit the taxonomy and the editor's rules, as suggestions; the others are refused. */
function checkedRegions(row: ParsedRow, classes: readonly TTaxonomyClass[], model: string, rejected: Rejection[]): TRegion[] {
  const byId = new Map(classes.map((c) => [c.id, c]));
  const byName = new Map(classes.map((c) => [c.name.toLowerCase(), c]));
  const kept: TRegion[] = [];
  row.regions.forEach((r) => {
    const where = `${row.row}, ${r.where}`;
    const klass = byId.get(r.classRef) ?? byName.get(r.classRef.toLowerCase());
    if (!klass) return void rejected.push({ row: where, reason: `the taxonomy has no class “${r.classRef}”` });
    // The image editor draws, hit-tests and resizes boxes axis-aligned: a turned one would show wrong.
    if (r.type === 'bbox' && typeof r.geometry.rotation === 'number' && r.geometry.rotation % 360 !== 0) {
      return void rejected.push({
        row: where,
        reason: 'rotated boxes are not imported yet: the image editor draws boxes axis-aligned',
      });
    }
    const region = { ...r.geometry, id: randomUUID(), type: r.type, classId: klass.id, attributes: r.attributes } as TRegion;
    // A required attribute may still be unset: the annotator fills it in before submitting.
    const problem = regionProblems([...kept, region], classes).find((p) => p.regionId === region.id && p.blocking === 'save');
    if (problem) return void rejected.push({ row: where, reason: problem.message });
    kept.push({ ...region, suggestion: { model, score: r.score } });
  });
  return kept;
}
