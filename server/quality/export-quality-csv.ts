import { ZQualityReportBodySchema, type TEstimate, type TQualityReportBody } from '@/lib/schemas/quality';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError } from '../errors';
import { authorizeProject } from '../permissions';
import { one, sql } from '../sql';

const HEADER = [
  'section',
  'family',
  'key',
  'name',
  'units',
  'alpha',
  'alpha_low',
  'alpha_high',
  'f1',
  'precision',
  'recall',
  'mean_score',
  'other',
];

type Row = (string | number | null)[];

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // Quote what CSV needs quoted, and defuse spreadsheet formulas in names people typed.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const estimate = (e: TEstimate) => [e.units, e.value, e.low, e.high];

function reportRows(r: TQualityReportBody): Row[] {
  const person = new Map(r.people.map((p) => [p.id, p.name]));
  return [
    ...r.overall.map((o) => [
      'overall',
      o.family,
      `v${o.taxonomyVersion}`,
      `${o.tasks} items`,
      ...estimate(o.alpha),
      o.f1,
      null,
      null,
      o.meanScore,
      o.percentAgreement,
    ]),
    ...r.labels.map((l) => [
      'label',
      l.family,
      l.classId,
      l.name,
      ...estimate(l.alpha),
      l.f1,
      null,
      null,
      l.meanScore,
      l.regions,
    ]),
    ...r.pairs.map((p) => [
      'pair',
      p.family,
      `${p.a}+${p.b}`,
      `${person.get(p.a) ?? p.a} + ${person.get(p.b) ?? p.b}`,
      ...estimate(p.alpha),
      p.f1,
      p.precision,
      p.recall,
      p.meanScore,
      p.tasks,
    ]),
    ...r.cohorts.map((c) => ['cohort', null, c.name, c.name, ...estimate(c.alpha), null, null, null, null, c.memberIds.length]),
    ...r.attributes.map((a) => [
      'attribute',
      a.family,
      `${a.classId}.${a.attributeId}`,
      a.name,
      ...estimate(a.alpha),
      null,
      null,
      null,
      null,
      a.exactMatch,
    ]),
    ...r.weekly.map((w) => [
      'week',
      w.family,
      w.week,
      w.baseline ? 'baseline' : '',
      ...estimate(w.alpha),
      null,
      null,
      null,
      null,
      w.labelShift,
    ]),
    ...r.alerts.map((a) => [
      'alert',
      a.family,
      a.week,
      a.message,
      null,
      a.value,
      null,
      null,
      null,
      null,
      null,
      null,
      a.threshold,
    ]),
  ];
}

/** The cached report as CSV, one row per figure; `other` holds the row's extra figure (see the API docs). */
export async function exportQualityCsv(ctx: Ctx, input: { projectId: string }): Promise<Response> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'quality:read');
  const cached = await one<{ report: unknown }>(sql`SELECT report FROM "QualityReport" WHERE "projectId" = ${access.projectId}`);
  const parsed = cached ? ZQualityReportBodySchema.safeParse(cached.report) : null;
  if (!parsed?.success) throw new AppError('CONFLICT', 'No quality report was computed for this project yet');
  const lines = [HEADER, ...reportRows(parsed.data)].map((row) => row.map(cell).join(','));
  return new Response(`${lines.join('\r\n')}\r\n`, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="quality-${access.slug}-${parsed.data.computedAt.slice(0, 10)}.csv"`,
      'cache-control': 'private, no-store',
    },
  });
}
