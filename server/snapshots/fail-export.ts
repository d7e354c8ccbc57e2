import { rows, sql } from '../sql';

/** The export's last attempt failed: it shows as FAILED with the reason, and can be asked for again. */
export async function failExport(exportId: string, reason: string): Promise<void> {
  await rows(
    sql`UPDATE "SnapshotExport" SET status = 'FAILED', error = ${reason.slice(0, 2000)} WHERE id = ${exportId} AND status IN ('QUEUED', 'BUILDING')`,
  );
}
