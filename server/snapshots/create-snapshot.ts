import { ZCreateSnapshotSchema, type TCreateSnapshot, type TSnapshotView } from '@/lib/schemas/snapshot';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db, pool } from '../db';
import { AppError } from '../errors';
import { authorizeProject } from '../permissions';
import { newId, one, rows, sql, transaction } from '../sql';
import { assignSplits } from './assign-splits';
import { getSnapshot } from './get-snapshot';
import { insertSnapshotItems } from './insert-snapshot-items';
import { selectCandidates } from './select-candidates';
import { itemsChecksum, snapshotManifest } from './snapshot-manifest';

/**
 * A new immutable version of the project's finished labels: the items the filter takes, each with
 * its deterministic split, copied with their labels and provenance, pinned to the current taxonomy
 * version, with counts and a checksum of every item. Versions count up per project.
 */
export async function createSnapshot(ctx: Ctx, input: { projectId: string } & TCreateSnapshot): Promise<TSnapshotView> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'snapshots:manage');
  const { name, filter, split } = ZCreateSnapshotSchema.parse(input);
  const taxonomy = await one<{ id: string; version: number }>(
    sql`SELECT v.id, v.version FROM "TaxonomyVersion" v JOIN "Taxonomy" t ON t.id = v."taxonomyId"
      WHERE t."projectId" = ${access.projectId} AND v.status = 'PUBLISHED' ORDER BY v.version DESC LIMIT 1`,
  );
  if (!taxonomy) throw new AppError('UNPROCESSABLE', 'Publish a taxonomy before making a snapshot');
  const candidates = await selectCandidates(pool(), access.projectId, filter);
  if (candidates.length === 0) {
    throw new AppError(
      'UNPROCESSABLE',
      `No finished item matches this filter (${filter.status === 'accepted' ? 'accepted items only' : 'every finished item'})`,
    );
  }
  const splits = assignSplits(candidates, split);

  const version = await transaction(async (tx) => {
    // One snapshot at a time per project, so versions count up without gaps.
    await rows(sql`SELECT pg_advisory_xact_lock(hashtext(${`snapshot:${access.projectId}`}))`, tx);
    const { next } = (await one<{ next: number }>(
      sql`SELECT COALESCE(max(version), 0) + 1 AS next FROM "Snapshot" WHERE "projectId" = ${access.projectId}`,
      tx,
    ))!;
    const id = newId();
    await rows(
      sql`INSERT INTO "Snapshot" (id, "projectId", version, name, "taxonomyVersionId", filter, split, status, "createdById", "createdAt")
        VALUES (${id}, ${access.projectId}, ${next}, ${name}, ${taxonomy.id}, ${JSON.stringify(filter)}::jsonb,
          ${JSON.stringify(split)}::jsonb, 'BUILDING', ${ctx.actor.id}, clock_timestamp())`,
      tx,
    );
    await insertSnapshotItems(tx, { id, projectId: access.projectId }, candidates, splits);
    const manifest = await snapshotManifest(tx, { id, projectId: access.projectId, taxonomy });
    const checksum = await itemsChecksum(tx, id);
    await rows(
      sql`UPDATE "Snapshot" SET status = 'READY', manifest = ${JSON.stringify(manifest)}::jsonb, checksum = ${checksum},
          "itemCount" = ${candidates.length}, "readyAt" = clock_timestamp()
        WHERE id = ${id}`,
      tx,
    );
    await recordAudit(tx, ctx, {
      action: 'snapshot.create',
      projectId: access.projectId,
      subjectType: 'Snapshot',
      subjectId: id,
      after: { version: next, name, items: candidates.length, checksum, taxonomyVersion: taxonomy.version },
    });
    return next;
  });
  return getSnapshot(ctx, { projectId: access.projectId, version });
}
