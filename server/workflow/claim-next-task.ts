import { randomUUID } from 'node:crypto';
import type { TClaimResult } from '@/lib/schemas/workflow';
import type pg from 'pg';
import type { Ctx } from '../context';
import { one, rows, sql, transaction } from '../sql';
import { presentAssignment } from './get-assignment';
import { loadWorkablePass, type WorkablePass } from './load-workable-pass';
import { expireLeases } from './expire-leases';
import { leaseFromNow } from './workflow-constants';

/**
 * The caller's next item in a pass: one they already hold (a reload, or their rework waiting), else
 * the best open task, leased to them. The claim is one statement: `FOR UPDATE SKIP LOCKED` lets
 * concurrent claimers pass each other without waiting, and the unique (task, pass, user) index makes
 * a double assignment impossible rather than unlikely.
 */
export async function claimNextTask(
  ctx: Ctx,
  input: { projectId: string; passId: string; exclude?: string[] },
): Promise<TClaimResult> {
  const pass = await loadWorkablePass(ctx, input);
  await expireLeases(pass.id);
  const assignmentId = await transaction(async (tx) => {
    // One claim at a time per person and pass: a double click or two tabs get the same item back
    // instead of leasing one each. Other people's claims do not wait on this lock.
    await rows(sql`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${`${ctx.actor.id}:${pass.id}`}, 0))`, tx);
    const exclude = input.exclude ?? [];
    const held = await one<{ id: string; directed: boolean }>(
      sql`
      SELECT id, directed FROM "Assignment"
      WHERE "passId" = ${pass.id} AND "userId" = ${ctx.actor.id} AND status = 'ACTIVE' AND NOT (id = ANY(${exclude}::text[]))
      ORDER BY directed DESC, "claimedAt" ASC
      LIMIT 1`,
      tx,
    );
    if (held && !held.directed) {
      await rows(sql`UPDATE "Assignment" SET "leaseExpiresAt" = ${leaseFromNow()} WHERE id = ${held.id}`, tx);
    }
    return held?.id ?? (await claimOpenTask(tx, ctx, pass));
  });
  if (!assignmentId) return { assignment: null };
  return { assignment: await presentAssignment(ctx, { projectId: pass.projectId, role: pass.role, assignmentId }) };
}

async function claimOpenTask(tx: pg.PoolClient, ctx: Ctx, pass: WorkablePass): Promise<string | null> {
  // Reviewers and experts never judge an item they labeled themselves.
  const judging = pass.kind !== 'LABEL';
  const claimed = await one<{ id: string }>(
    sql`
    WITH candidate AS (
      SELECT t.id, t."assetId", t."enteredPassAt", t."resultAnnotationId" FROM "Task" t
      WHERE t."passId" = ${pass.id} AND t."openSlots" > 0
        AND NOT EXISTS (
          SELECT 1 FROM "Assignment" a WHERE a."taskId" = t.id AND a."passId" = ${pass.id} AND a."userId" = ${ctx.actor.id})
        AND (${judging}::boolean = false OR NOT EXISTS (
          SELECT 1 FROM "Assignment" a WHERE a."taskId" = t.id AND a."userId" = ${ctx.actor.id} AND a.pass = 'LABEL'
            AND a.status = 'SUBMITTED'))
      ORDER BY t.priority DESC, t."createdAt"
      LIMIT 1
      FOR UPDATE OF t SKIP LOCKED
    ), claimed AS (
      INSERT INTO "Assignment" (id, "taskId", "userId", pass, "passId", status, "leaseExpiresAt", "queuedAt", "claimedAt", "createdAt")
      SELECT ${randomUUID()}, c.id, ${ctx.actor.id}, ${pass.kind}::"Pass", ${pass.id}, 'ACTIVE', ${leaseFromNow()}, c."enteredPassAt", now(), now()
      FROM candidate c
      RETURNING id
    ), annotated AS (
      -- A LABEL item's annotation is made with the claim (one commit), against the current published
      -- taxonomy and starting from the earlier passes' result, or else from the newest model
      -- prediction for the asset (its regions are suggestions to accept or reject).
      INSERT INTO "Annotation" (id, "assignmentId", "authorId", "taxonomyVersionId", regions, version, status, "createdAt", "updatedAt")
      SELECT ${randomUUID()}, cl.id, ${ctx.actor.id}, tv.id, COALESCE(earlier.regions, predicted.regions, '[]'::jsonb), 1, 'DRAFT', now(), now()
      FROM claimed cl CROSS JOIN candidate c
      JOIN LATERAL (
        SELECT v.id FROM "TaxonomyVersion" v JOIN "Taxonomy" tx ON tx.id = v."taxonomyId"
        WHERE tx."projectId" = ${pass.projectId} AND v.status = 'PUBLISHED' ORDER BY v.version DESC LIMIT 1
      ) tv ON true
      LEFT JOIN "Annotation" earlier ON earlier.id = c."resultAnnotationId"
      LEFT JOIN LATERAL (
        SELECT p.regions FROM "Prediction" p WHERE p."assetId" = c."assetId" ORDER BY p."createdAt" DESC LIMIT 1
      ) predicted ON true
      WHERE ${pass.kind === 'LABEL'}::boolean
    ), taken AS (
      UPDATE "Task" t
      SET "openSlots" = t."openSlots" - 1, version = t.version + 1, "updatedAt" = now(),
          status = CASE WHEN t.status = 'OPEN' THEN 'IN_PROGRESS'::"TaskStatus" ELSE t.status END
      FROM candidate c WHERE t.id = c.id
    )
    SELECT id FROM claimed`,
    tx,
  );
  return claimed?.id ?? null;
}
