import { ZExpireOldExportsSchema, type TExportView } from '@/lib/schemas/snapshot';
import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject } from '../permissions';
import { rows, sql } from '../sql';
import { expireExportRow } from './expire-export-row';
import { exportView } from './present-snapshot';

/**
 * The retention rule, for a scheduled job or `loupe snapshot expire --older-than <days>`: every READY
 * export of the project finished more than `olderThanDays` days ago expires (its zip removed, its
 * row, sha256 and size kept; a rebuild gives the same bytes). `dryRun` only lists them.
 * Returns the exports it expired (or would), oldest first, and the bytes that frees.
 */
export async function expireOldExports(
  ctx: Ctx,
  input: { projectId: string; olderThanDays: number; dryRun?: boolean },
): Promise<{ exports: (TExportView & { version: number })[]; bytes: number }> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'snapshots:manage');
  const { olderThanDays } = ZExpireOldExportsSchema.parse({ olderThanDays: input.olderThanDays });
  const due = await rows<{ id: string; version: number; bytes: string }>(
    sql`SELECT e.id, s.version, e.bytes::text AS bytes FROM "SnapshotExport" e JOIN "Snapshot" s ON s.id = e."snapshotId"
      WHERE s."projectId" = ${access.projectId} AND e.status = 'READY'
        AND e."readyAt" < clock_timestamp() - make_interval(days => ${olderThanDays}::int)
      ORDER BY e."readyAt", e.id`,
  );
  const exports: (TExportView & { version: number })[] = [];
  for (const row of due) {
    if (input.dryRun) {
      exports.push({ ...(await exportView(row.id)), version: row.version });
      continue;
    }
    // One at a time, each in its own transaction: one that turned unready meanwhile is left alone.
    const expired = await expireExportRow(ctx, { projectId: access.projectId, exportId: row.id }).catch((error: unknown) => {
      if ((error as { code?: string }).code === 'CONFLICT') return null;
      throw error;
    });
    if (expired) exports.push({ ...expired, version: row.version });
  }
  return { exports, bytes: exports.reduce((sum, e) => sum + (e.bytes ?? 0), 0) };
}
