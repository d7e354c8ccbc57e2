import type { TSnapshotDiff } from '@/lib/schemas/snapshot';
import type { Ctx } from '../context';
import { db } from '../db';
import { notFound } from '../errors';
import { authorizeProject } from '../permissions';
import { one, rows, sql } from '../sql';

const SAMPLES = 20;

/**
 * What changed from one snapshot to another, by asset: items added, removed, relabeled (other
 * regions, or another annotation), moved to another split, and the labels per class in each.
 */
export async function diffSnapshots(
  ctx: Ctx,
  input: { projectId: string; version: number; against: number },
): Promise<TSnapshotDiff> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'snapshots:manage');
  const ids = await rows<{ id: string; version: number }>(
    sql`SELECT id, version FROM "Snapshot" WHERE "projectId" = ${access.projectId} AND version IN (${input.against}, ${input.version})`,
  );
  const from = ids.find((s) => s.version === input.against);
  const to = ids.find((s) => s.version === input.version);
  if (!from) throw notFound(`Snapshot v${input.against}`);
  if (!to) throw notFound(`Snapshot v${input.version}`);
  const counts = (await one<Omit<TSnapshotDiff, 'from' | 'to' | 'perClass' | 'samples'>>(
    sql`SELECT count(*) FILTER (WHERE a."assetId" IS NULL)::int AS added,
        count(*) FILTER (WHERE b."assetId" IS NULL)::int AS removed,
        count(*) FILTER (WHERE a."assetId" IS NOT NULL AND b."assetId" IS NOT NULL AND a.regions <> b.regions)::int AS relabeled,
        count(*) FILTER (WHERE a.split <> b.split)::int AS "movedSplit",
        count(*) FILTER (WHERE a.regions = b.regions AND a.split = b.split)::int AS unchanged
      FROM (SELECT "assetId", regions, split FROM "SnapshotItem" WHERE "snapshotId" = ${from.id}) a
      FULL JOIN (SELECT "assetId", regions, split FROM "SnapshotItem" WHERE "snapshotId" = ${to.id}) b ON a."assetId" = b."assetId"`,
  ))!;
  const perClass = await rows<{ classId: string; from: number; to: number }>(
    sql`SELECT r->>'classId' AS "classId", count(*) FILTER (WHERE i."snapshotId" = ${from.id})::int AS from,
        count(*) FILTER (WHERE i."snapshotId" = ${to.id})::int AS to
      FROM "SnapshotItem" i CROSS JOIN LATERAL jsonb_array_elements(i.regions) r
      WHERE i."snapshotId" IN (${from.id}, ${to.id}) GROUP BY 1 ORDER BY 1`,
  );
  const sample = (kind: 'added' | 'removed' | 'relabeled') =>
    rows<{ assetId: string }>(
      sql`SELECT COALESCE(b."assetId", a."assetId") AS "assetId"
        FROM (SELECT "assetId", regions FROM "SnapshotItem" WHERE "snapshotId" = ${from.id}) a
        FULL JOIN (SELECT "assetId", regions FROM "SnapshotItem" WHERE "snapshotId" = ${to.id}) b ON a."assetId" = b."assetId"
        WHERE ${kind}::text = 'added' AND a."assetId" IS NULL OR ${kind}::text = 'removed' AND b."assetId" IS NULL
          OR ${kind}::text = 'relabeled' AND a.regions <> b.regions
        ORDER BY 1 LIMIT ${SAMPLES}`,
    ).then((found) => found.map((r) => r.assetId));
  return {
    from: input.against,
    to: input.version,
    ...counts,
    perClass,
    samples: { added: await sample('added'), removed: await sample('removed'), relabeled: await sample('relabeled') },
  };
}
