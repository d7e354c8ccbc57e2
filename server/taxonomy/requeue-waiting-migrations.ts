import { enqueue } from '../jobs/enqueue';
import { rows, sql } from '../sql';

export const WAITING_GRACE_MS = 60_000;

/**
 * Migrations still QUEUED a minute after they were opened, queued for their job again: the enqueue
 * after a publish commits can fail (Redis down for a moment), and labels must not wait forever for a
 * job that does not exist. Idempotent: the job id is the migration's, so one already waiting or
 * running is left as it is. Returns how many were looked at.
 */
export async function requeueWaitingMigrations(now = new Date()): Promise<number> {
  const waiting = await rows<{ id: string; projectId: string }>(sql`
    SELECT id, "projectId" FROM "TaxonomyMigration"
    WHERE status = 'QUEUED' AND "createdAt" < ${new Date(now.getTime() - WAITING_GRACE_MS)}
    ORDER BY "createdAt" LIMIT 100`);
  for (const migration of waiting) await enqueue('migrate', { v: 1, projectId: migration.projectId, migrationId: migration.id });
  return waiting.length;
}
