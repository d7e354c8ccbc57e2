import type { TQueueStats } from '@/lib/schemas/workflow';
import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject, can } from '../permissions';
import { loadPeopleStats } from './people-stats';

const THROUGHPUT_DAYS = 14;

interface PassFigures {
  passId: string;
  waiting: number;
  in_progress: number;
  oldest_sec: number | null;
  overdue: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/**
 * The queue page's figures, computed in the database: per pass its depth, oldest waiting item,
 * items past the SLA, time from entering the queue to being claimed (p50/p95/p99 over 30 days) and
 * daily submissions; per person their output and accept rate (others' only for OWNER/DATA_LEAD).
 */
export async function getQueueStats(ctx: Ctx, input: { projectId: string }): Promise<TQueueStats> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'project:read');
  const passes = await db().workflowPass.findMany({
    where: { projectId: access.projectId, archivedAt: null },
    orderBy: { position: 'asc' },
    select: { id: true, name: true, kind: true, slaHours: true },
  });
  const figures = await db().$queryRaw<PassFigures[]>`
    SELECT p.id AS "passId",
      (SELECT count(*)::int FROM "Task" t WHERE t."passId" = p.id AND t."openSlots" > 0) AS waiting,
      (SELECT count(*)::int FROM "Assignment" a WHERE a."passId" = p.id AND a.status = 'ACTIVE') AS in_progress,
      (SELECT extract(epoch FROM now() - min(t."enteredPassAt"))::float8 FROM "Task" t WHERE t."passId" = p.id AND t."openSlots" > 0) AS oldest_sec,
      (SELECT count(*)::int FROM "Task" t WHERE t."passId" = p.id AND p."slaHours" IS NOT NULL
         AND t."enteredPassAt" < now() - make_interval(hours => p."slaHours")) AS overdue,
      q.p50, q.p95, q.p99
    FROM "WorkflowPass" p
    LEFT JOIN LATERAL (
      SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY s) AS p95,
             percentile_cont(0.99) WITHIN GROUP (ORDER BY s) AS p99
      FROM (SELECT extract(epoch FROM a."claimedAt" - a."queuedAt")::float8 AS s FROM "Assignment" a
            WHERE a."passId" = p.id AND a."claimedAt" > now() - interval '30 days') d
    ) q ON true
    WHERE p."projectId" = ${access.projectId} AND p."archivedAt" IS NULL`;
  const daily = await db().$queryRaw<{ passId: string; day: string; count: number }[]>`
    SELECT a."passId", to_char(date_trunc('day', a."submittedAt"), 'YYYY-MM-DD') AS day, count(*)::int AS count
    FROM "Assignment" a JOIN "WorkflowPass" p ON p.id = a."passId"
    WHERE p."projectId" = ${access.projectId} AND a.status = 'SUBMITTED'
      AND a."submittedAt" > date_trunc('day', now()) - make_interval(days => ${THROUGHPUT_DAYS - 1})
    GROUP BY 1, 2`;
  const tasks = await db().task.groupBy({ by: ['status'], where: { projectId: access.projectId }, _count: { _all: true } });
  const countOf = (status: string) => tasks.find((t) => t.status === status)?._count._all ?? 0;
  return {
    passes: passes.map((pass) => {
      const f = figures.find((row) => row.passId === pass.id);
      return {
        passId: pass.id,
        name: pass.name,
        kind: pass.kind,
        slaHours: pass.slaHours,
        waiting: f?.waiting ?? 0,
        inProgress: f?.in_progress ?? 0,
        oldestWaitingSec: f?.oldest_sec ?? null,
        overdue: f?.overdue ?? 0,
        timeInQueueSec: { p50: f?.p50 ?? null, p95: f?.p95 ?? null, p99: f?.p99 ?? null },
        throughput: lastDays(THROUGHPUT_DAYS).map((day) => ({
          day,
          count: daily.find((d) => d.passId === pass.id && d.day === day)?.count ?? 0,
        })),
      };
    }),
    people: await loadPeopleStats(access.projectId, can(access.role, 'workflow:manage') ? null : ctx.actor.id),
    tasks: { total: tasks.reduce((sum, t) => sum + t._count._all, 0), done: countOf('DONE'), escalated: countOf('ESCALATED') },
  };
}

function lastDays(n: number): string[] {
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  return Array.from({ length: n }, (_, i) => new Date(today - (n - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}
