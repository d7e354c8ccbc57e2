import type { TExportFormat, TExportView } from '@/lib/schemas/snapshot';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { notFound } from '../errors';
import { enqueue } from '../jobs/enqueue';
import { authorizeProject } from '../permissions';
import { newId, one, rows, sql, transaction } from '../sql';
import { exportView } from './present-snapshot';

/**
 * Asks for a snapshot in a format: an export that exists is answered as it is (built once, then
 * downloaded as often as wanted); a failed one is queued again, and so is an expired one (its
 * rebuild gives the bytes it had, whose sha256 the row kept). The worker builds it (build-export.ts).
 */
export async function requestExport(
  ctx: Ctx,
  input: { projectId: string; version: number; format: TExportFormat; includeMedia: boolean },
): Promise<TExportView> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'snapshots:manage');
  const snapshot = await one<{ id: string }>(
    sql`SELECT id FROM "Snapshot" WHERE "projectId" = ${access.projectId} AND version = ${input.version} AND status = 'READY'`,
  );
  if (!snapshot) throw notFound(`Snapshot v${input.version}`);
  const { id, retry } = await transaction(async (tx) => {
    const existing = await one<{ id: string; status: string }>(
      sql`SELECT id, status::text AS status FROM "SnapshotExport"
        WHERE "snapshotId" = ${snapshot.id} AND format = ${input.format} AND "includeMedia" = ${input.includeMedia} FOR UPDATE`,
      tx,
    );
    if (existing && existing.status !== 'FAILED' && existing.status !== 'EXPIRED') return { id: existing.id, retry: null };
    const id = existing?.id ?? newId();
    if (existing) await rows(sql`UPDATE "SnapshotExport" SET status = 'QUEUED', error = NULL, done = 0 WHERE id = ${id}`, tx);
    else {
      await rows(
        sql`INSERT INTO "SnapshotExport" (id, "snapshotId", format, "includeMedia", "requestedById")
          VALUES (${id}, ${snapshot.id}, ${input.format}, ${input.includeMedia}, ${ctx.actor.id})`,
        tx,
      );
    }
    await recordAudit(tx, ctx, {
      action: 'snapshot.export',
      projectId: access.projectId,
      subjectType: 'Snapshot',
      subjectId: snapshot.id,
      after: {
        format: input.format,
        includeMedia: input.includeMedia,
        exportId: id,
        retry: existing?.status === 'FAILED',
        rebuild: existing?.status === 'EXPIRED',
      },
    });
    // A retry needs a job id of its own: the failed job keeps the plain one.
    return { id, retry: existing ? `retry-${Date.now()}` : undefined };
  });
  if (retry !== null) await enqueue('export', { v: 1, projectId: access.projectId, exportId: id }, { jobIdSuffix: retry });
  return exportView(id);
}
