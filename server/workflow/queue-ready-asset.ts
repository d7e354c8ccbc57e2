import { randomUUID } from 'node:crypto';
import { rows, sql, type SqlClient } from '../sql';

/**
 * For projects that create tasks automatically: the asset that just became READY gets a task in the
 * workflow's first pass. One statement inside the pipeline's READY transaction, a no-op when the
 * project does not ask for it, has no pass yet, or the asset already has a task.
 */
export async function queueReadyAsset(tx: SqlClient, assetId: string): Promise<void> {
  await rows(
    sql`
    INSERT INTO "Task" (id, "projectId", "assetId", overlap, priority, status, "passId", "openSlots", "enteredPassAt", version, "createdAt", "updatedAt")
    SELECT ${randomUUID()}, a."projectId", a.id, p.overlap, 0, 'OPEN', p.id, p.overlap, now(), 1, now(), now()
    FROM "Asset" a
    JOIN "Project" project ON project.id = a."projectId" AND project."autoCreateTasks"
    JOIN LATERAL (
      SELECT id, overlap FROM "WorkflowPass" WHERE "projectId" = a."projectId" AND "archivedAt" IS NULL ORDER BY position LIMIT 1
    ) p ON true
    WHERE a.id = ${assetId} AND NOT EXISTS (SELECT 1 FROM "Task" t WHERE t."assetId" = a.id)`,
    tx,
  );
}
