import type { Ctx } from '../context';
import { db } from '../db';
import { AppError, notFound } from '../errors';
import type { ServedBlob } from '../http/serve-blob';
import { authorizeProject } from '../permissions';
import { one, sql } from '../sql';

/** A built export's zip, named from the project, version and format (never from anything a user typed but the slug). */
export async function getExportFile(
  ctx: Ctx,
  input: { projectId: string; version: number; exportId: string },
): Promise<ServedBlob> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'snapshots:manage');
  const row = await one<{
    format: string;
    includeMedia: boolean;
    status: string;
    blobSha256: string | null;
    bytes: string | null;
  }>(
    sql`SELECT e.format, e."includeMedia", e.status::text AS status, e."blobSha256", e.bytes::text AS bytes
      FROM "SnapshotExport" e JOIN "Snapshot" s ON s.id = e."snapshotId"
      WHERE e.id = ${input.exportId} AND s."projectId" = ${access.projectId} AND s.version = ${input.version}`,
  );
  if (!row) throw notFound('Export');
  if (row.status !== 'READY' || !row.blobSha256)
    throw new AppError('CONFLICT', `This export is ${row.status.toLowerCase()}, not ready yet`);
  return {
    sha256: row.blobSha256,
    bytes: Number(row.bytes),
    mime: 'application/zip',
    filename: `${access.slug}-v${input.version}-${row.format}${row.includeMedia ? '-media' : ''}.zip`,
  };
}
