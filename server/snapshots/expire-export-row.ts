import type { TExportView } from '@/lib/schemas/snapshot';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { AppError, notFound } from '../errors';
import { one, rows, sql, transaction } from '../sql';
import { deleteUnreferencedBlob } from '../storage/delete-unreferenced-blob';
import { exportView } from './present-snapshot';

/**
 * Expires one export of a project the caller was authorized on (the callers check `snapshots:manage`):
 * the row stays, EXPIRED, with its sha256 and size; then the zip is deleted unless something else
 * still uses the same bytes. Only a READY export can expire (409 otherwise: a build under way would
 * publish over it). An EXPIRED one is answered as it is, after trying the deletion again (a process
 * stopped between the two steps leaves the file behind; asking again removes it).
 */
export async function expireExportRow(
  ctx: Ctx,
  input: { projectId: string; exportId: string; version?: number },
): Promise<TExportView> {
  const sha256 = await transaction(async (tx) => {
    const row = await one<{ status: string; blobSha256: string | null; bytes: string | null; snapshotId: string }>(
      sql`SELECT e.status::text AS status, e."blobSha256", e.bytes::text AS bytes, e."snapshotId"
        FROM "SnapshotExport" e JOIN "Snapshot" s ON s.id = e."snapshotId"
        WHERE e.id = ${input.exportId} AND s."projectId" = ${input.projectId}
          AND (${input.version ?? null}::int IS NULL OR s.version = ${input.version ?? null}::int)
        FOR UPDATE OF e`,
      tx,
    );
    if (!row) throw notFound('Export');
    if (row.status === 'EXPIRED') return row.blobSha256;
    if (row.status !== 'READY' || !row.blobSha256) {
      throw new AppError('CONFLICT', `This export is ${row.status.toLowerCase()}: only a ready export can be expired`);
    }
    await rows(
      sql`UPDATE "SnapshotExport" SET status = 'EXPIRED', "expiredAt" = clock_timestamp() WHERE id = ${input.exportId}`,
      tx,
    );
    await recordAudit(tx, ctx, {
      action: 'snapshot.export.expire',
      projectId: input.projectId,
      subjectType: 'Snapshot',
      subjectId: row.snapshotId,
      before: { exportId: input.exportId, status: 'READY' },
      after: { exportId: input.exportId, status: 'EXPIRED', sha256: row.blobSha256, bytes: Number(row.bytes) },
    });
    return row.blobSha256;
  });
  if (sha256) await deleteUnreferencedBlob(sha256);
  return exportView(input.exportId);
}
