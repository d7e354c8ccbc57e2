import { one, sql } from '../sql';

/**
 * Returns the slots of abandoned items to a pass's queue: ACTIVE assignments whose lease lapsed
 * become EXPIRED (their holder cannot submit them any more) and each task gets its slot back. One
 * statement; a claim runs it first, so no sweeper process is needed. Directed work (rework,
 * re-review) has no lease and waits for its person.
 */
export async function expireLeases(passId: string): Promise<number> {
  // Tasks are locked first, as every decision does, so the two never wait on each other in opposite
  // orders; a task someone is acting on right now is skipped and expires on a later claim.
  const row = await one<{ expired: bigint }>(sql`
    WITH lapsed AS (
      SELECT t.id FROM "Task" t
      WHERE t.id IN (
        SELECT "taskId" FROM "Assignment"
        WHERE "passId" = ${passId} AND status = 'ACTIVE' AND directed = false AND "leaseExpiresAt" < now())
      FOR UPDATE OF t SKIP LOCKED
    ), expired AS (
      UPDATE "Assignment" a SET status = 'EXPIRED'
      FROM lapsed l
      WHERE a."taskId" = l.id AND a."passId" = ${passId} AND a.status = 'ACTIVE' AND a.directed = false AND a."leaseExpiresAt" < now()
      RETURNING a."taskId"
    ), per_task AS (
      SELECT "taskId", count(*)::int AS n FROM expired GROUP BY "taskId"
    ), returned AS (
      UPDATE "Task" t SET "openSlots" = t."openSlots" + p.n, version = t.version + 1, "updatedAt" = now()
      FROM per_task p WHERE t.id = p."taskId"
    )
    SELECT count(*) AS expired FROM expired`);
  return Number(row?.expired ?? 0);
}
