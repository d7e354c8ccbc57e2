import { ZQualityReportBodySchema, type TQualityReport } from '@/lib/schemas/quality';
import type { Ctx } from '../context';
import { db, pool } from '../db';
import { authorizeProject } from '../permissions';
import { one, sql } from '../sql';
import { reportSourceKey } from './first-submissions';
import { loadQualitySettings } from './quality-settings';
import { queueQualityReport } from './queue-quality-report';

/**
 * The cached report and whether it is current. A stale one is still shown (figures of a few minutes
 * ago beat a spinner) while the worker recomputes: the job id is the source fingerprint, so however
 * often the page asks, one state is computed once.
 */
export async function getQualityReport(
  ctx: Ctx,
  input: { projectId: string },
  options: { force?: boolean } = {},
): Promise<TQualityReport> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'quality:read');
  const settings = await loadQualitySettings(pool(), access.projectId);
  const { sourceKey, comparableTasks } = await reportSourceKey(pool(), access.projectId, settings);
  const cached = await one<{ sourceKey: string; report: unknown }>(
    sql`SELECT "sourceKey", report FROM "QualityReport" WHERE "projectId" = ${access.projectId}`,
  );
  const parsed = cached ? ZQualityReportBodySchema.safeParse(cached.report) : null;
  const report = parsed?.success ? parsed.data : null;
  const fresh = report !== null && cached?.sourceKey === sourceKey;
  let computing = false;
  if ((!fresh && (comparableTasks > 0 || report !== null)) || options.force) {
    ({ computing } = await queueQualityReport(access.projectId, { ...options, sourceKey }));
  }
  return { report, fresh: fresh && !options.force, computing, comparableTasks };
}
