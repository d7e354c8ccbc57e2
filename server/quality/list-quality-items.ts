import type { z } from 'zod';
import type { TQualityItem, ZQualityItemsQuerySchema } from '@/lib/schemas/quality';
import type { TPerson } from '@/lib/schemas/workflow';
import type { Ctx } from '../context';
import { db, pool } from '../db';
import { authorizeProject } from '../permissions';
import { rows, sql } from '../sql';
import { tally, type ItemSummary } from '@/lib/quality/item-summary';
import { loadQualitySettings } from './quality-settings';
import { unitFilter } from './unit-filter';

type Query = z.output<typeof ZQualityItemsQuerySchema>;

interface ItemDetails {
  taskId: string;
  passId: string;
  assetId: string;
  assetName: string;
  assetKind: TQualityItem['assetKind'];
  passName: string;
  taskStatus: string;
  inAdjudication: boolean;
}

/**
 * The items behind a figure, least agreement first: each item's pair units narrowed by the filters
 * (family, pair, annotator, class, week, cohort), and the share of them where both gave the same answer.
 * Ranking reads only the items' small summaries; names and states are loaded for the page alone.
 */
export async function listQualityItems(ctx: Ctx, input: { projectId: string; query: Query }) {
  const access = await authorizeProject(db(), ctx, input.projectId, 'quality:read');
  const { query } = input;
  const keep = unitFilter(query, await loadQualitySettings(pool(), access.projectId));
  const results = await rows<{ taskId: string; passId: string; summary: Partial<ItemSummary> }>(
    sql`SELECT "taskId", "passId", summary FROM "QualityTaskResult"
      WHERE "projectId" = ${access.projectId} AND (${query.week ?? null}::text IS NULL OR summary->>'week' = ${query.week ?? null})`,
  );
  const scored = results.flatMap((row) => {
    // A summary written before the column existed is empty until the worker recomputes the item.
    const { week = '', annotators = [], counts = [] } = row.summary;
    const { units, disagreements } = tally({ week, annotators, counts }, keep);
    if (units === 0 || (query.disagreeing && disagreements === 0)) return [];
    return [{ row, week, annotators, units, disagreements, agreement: 1 - disagreements / units }];
  });
  scored.sort((x, y) => x.agreement - y.agreement || y.disagreements - x.disagreements || (x.row.taskId < y.row.taskId ? -1 : 1));
  const page = scored.slice(0, query.limit);
  const details = await rows<ItemDetails>(
    sql`SELECT t.id AS "taskId", p.id AS "passId", t."assetId", a.filename AS "assetName", a.kind::text AS "assetKind",
        p.name AS "passName", t.status::text AS "taskStatus", COALESCE(cur.kind = 'ADJUDICATE', false) AS "inAdjudication"
      FROM unnest(${page.map((s) => s.row.taskId)}::text[], ${page.map((s) => s.row.passId)}::text[]) AS x(task, pass)
      JOIN "Task" t ON t.id = x.task
      JOIN "Asset" a ON a.id = t."assetId"
      JOIN "WorkflowPass" p ON p.id = x.pass
      LEFT JOIN "WorkflowPass" cur ON cur.id = t."passId"`,
  );
  const detailsOf = new Map(details.map((d) => [`${d.taskId}/${d.passId}`, d]));
  const people = await rows<TPerson>(
    sql`SELECT id, name, email FROM "User" WHERE id = ANY(${[...new Set(page.flatMap((s) => s.annotators))]}::text[])`,
  );
  const personOf = new Map(people.map((p) => [p.id, p]));
  const items: TQualityItem[] = page.flatMap(({ row, week, annotators, units, disagreements, agreement }) => {
    const item = detailsOf.get(`${row.taskId}/${row.passId}`);
    if (!item) return [];
    return {
      taskId: row.taskId,
      assetId: item.assetId,
      assetName: item.assetName,
      assetKind: item.assetKind,
      passName: item.passName,
      week,
      annotators: annotators.flatMap((id) => personOf.get(id) ?? []),
      units,
      disagreements,
      agreement,
      taskStatus: item.taskStatus,
      inAdjudication: item.inAdjudication,
    };
  });
  return { items, total: scored.length };
}
