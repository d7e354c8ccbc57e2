import type { TExportView } from '@/lib/schemas/snapshot';
import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject } from '../permissions';
import { expireExportRow } from './expire-export-row';

/**
 * Removes an export's zip to save space (retention); the row keeps its sha256 and size and shows
 * EXPIRED. Asking for the export again (requestExport, "Rebuild") builds the same bytes.
 * 404 for an export of another project or snapshot version, 409 unless it is READY.
 */
export async function expireExport(
  ctx: Ctx,
  input: { projectId: string; version: number; exportId: string },
): Promise<TExportView> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'snapshots:manage');
  return expireExportRow(ctx, { projectId: access.projectId, exportId: input.exportId, version: input.version });
}
