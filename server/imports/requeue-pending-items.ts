import { enqueue } from '../jobs/enqueue';
import { rows, sql } from '../sql';

export const PENDING_GRACE_MS = 5 * 60_000;
const BATCH = 1000;

/**
 * URL items still PENDING a while after they were added, queued for their fetch again: the enqueue
 * that follows the items' commit can fail (Redis down for a moment), and an item must not wait
 * forever for a job that does not exist. Idempotent: the fetch job id is the item's, so an item whose
 * job is waiting, delayed or running is left as it is. Returns how many items were looked at.
 */
export async function requeuePendingItems(now = new Date()): Promise<number> {
  const items = await rows<{ id: string; batchId: string; projectId: string }>(sql`
    SELECT i.id, i."batchId", b."projectId"
    FROM "ImportItem" i JOIN "ImportBatch" b ON b.id = i."batchId"
    WHERE i.status = 'PENDING' AND i."sourceUri" IS NOT NULL AND i."createdAt" < ${new Date(now.getTime() - PENDING_GRACE_MS)}
    ORDER BY i."createdAt"
    LIMIT ${BATCH}`);
  for (const item of items) {
    await enqueue('fetch', { v: 1, projectId: item.projectId, batchId: item.batchId, itemId: item.id });
  }
  return items.length;
}
