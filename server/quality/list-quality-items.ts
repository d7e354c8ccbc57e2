import type { z } from 'zod';
import type { TQualityItem, ZQualityItemsQuerySchema } from '@/lib/schemas/quality';
import type { TPerson } from '@/lib/schemas/workflow';
import type { Ctx } from '../context';
import { db, pool } from '../db';
import { authorizeProject } from '../permissions';
import { rows, sql } from '../sql';
import type { StoredComparison } from './compute-quality-report';
import { loadQualitySettings } from './quality-settings';
import { unitFilter } from './unit-filter';

type Query = z.output<typeof ZQualityItemsQuerySchema>;

interface ItemRow {
  taskId: string;
  comparison: StoredComparison;
  assetName: string;
  assetKind: TQualityItem['assetKind'];
  passName: string;
  taskStatus: string;
  inAdjudication: boolean;
}

/**
 * The items behind a figure, least agreement first: each item's pair units narrowed by the filters
 * (family, pair, annotator, class, week, cohort), and the share of them where both gave the same answer.
 */
export async function listQualityItems(ctx: Ctx, input: { projectId: string; query: Query }) {
  const access = await authorizeProject(db(), ctx, input.projectId, 'quality:read');
  const { query } = input;
  const keep = unitFilter(query, await loadQualitySettings(pool(), access.projectId));
  const results = await rows<ItemRow>(
    sql`SELECT q."taskId", q.comparison, a.filename AS "assetName", a.kind::text AS "assetKind", p.name AS "passName",
        t.status::text AS "taskStatus", COALESCE(cur.kind = 'ADJUDICATE', false) AS "inAdjudication"
      FROM "QualityTaskResult" q
      JOIN "Task" t ON t.id = q."taskId"
      JOIN "Asset" a ON a.id = t."assetId"
      JOIN "WorkflowPass" p ON p.id = q."passId"
      LEFT JOIN "WorkflowPass" cur ON cur.id = t."passId"
      WHERE q."projectId" = ${access.projectId}`,
  );
  const scored = results.flatMap((row) => {
    if (query.week !== undefined && row.comparison.week !== query.week) return [];
    const units = row.comparison.units.filter(keep);
    const disagreements = units.filter((u) => u.ca !== u.cb).length;
    if (units.length === 0 || (query.disagreeing && disagreements === 0)) return [];
    return [{ row, units: units.length, disagreements, agreement: 1 - disagreements / units.length }];
  });
  scored.sort((x, y) => x.agreement - y.agreement || y.disagreements - x.disagreements || (x.row.taskId < y.row.taskId ? -1 : 1));
  const page = scored.slice(0, query.limit);
  const people = await rows<TPerson>(
    sql`SELECT id, name, email FROM "User" WHERE id = ANY(${[...new Set(page.flatMap((s) => s.row.comparison.annotators))]}::text[])`,
  );
  const personOf = new Map(people.map((p) => [p.id, p]));
  const items: TQualityItem[] = page.map(({ row, units, disagreements, agreement }) => ({
    taskId: row.taskId,
    assetId: row.comparison.assetId,
    assetName: row.assetName,
    assetKind: row.assetKind,
    passName: row.passName,
    week: row.comparison.week,
    annotators: row.comparison.annotators.flatMap((id) => personOf.get(id) ?? []),
    units,
    disagreements,
    agreement,
    taskStatus: row.taskStatus,
    inAdjudication: row.inAdjudication,
  }));
  return { items, total: scored.length };
}
