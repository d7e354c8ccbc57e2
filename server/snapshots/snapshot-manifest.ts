import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/canonical-json';
import { ZQualityReportBodySchema } from '@/lib/schemas/quality';
import type { TSnapshotManifest } from '@/lib/schemas/snapshot';
import { appCommit } from '../app-commit';
import { one, rows, sql, type SqlClient } from '../sql';
import { snapshotItemRows } from './snapshot-item-rows';

/** Counts per split, class and kind, the pinned taxonomy, agreement at the time and the code's commit. */
export async function snapshotManifest(
  client: SqlClient,
  snapshot: { id: string; projectId: string; taxonomy: { id: string; version: number } },
): Promise<TSnapshotManifest> {
  const perSplit = await rows<{ key: string; n: number }>(
    sql`SELECT split AS key, count(*)::int AS n FROM "SnapshotItem" WHERE "snapshotId" = ${snapshot.id} GROUP BY 1 ORDER BY 1`,
    client,
  );
  const kinds = await rows<{ key: string; n: number }>(
    sql`SELECT asset->>'kind' AS key, count(*)::int AS n FROM "SnapshotItem" WHERE "snapshotId" = ${snapshot.id} GROUP BY 1 ORDER BY 1`,
    client,
  );
  const perClass = await rows<{ classId: string; split: string; n: number }>(
    sql`SELECT r->>'classId' AS "classId", i.split, count(*)::int AS n
      FROM "SnapshotItem" i CROSS JOIN LATERAL jsonb_array_elements(i.regions) r
      WHERE i."snapshotId" = ${snapshot.id} GROUP BY 1, 2 ORDER BY 1, 2`,
    client,
  );
  const classes: TSnapshotManifest['perClass'] = {};
  for (const { classId, split, n } of perClass) (classes[classId] ??= {})[split] = n;
  return {
    items: perSplit.reduce((sum, s) => sum + s.n, 0),
    perSplit: Object.fromEntries(perSplit.map((s) => [s.key, s.n])),
    perClass: classes,
    kinds: Object.fromEntries(kinds.map((k) => [k.key, k.n])),
    taxonomy: snapshot.taxonomy,
    agreement: await agreementNow(client, snapshot.projectId),
    appCommit: appCommit(),
  };
}

/** α per region family and taxonomy version from the agreement report the project has now, if any. */
async function agreementNow(client: SqlClient, projectId: string): Promise<TSnapshotManifest['agreement']> {
  const cached = await one<{ report: unknown }>(sql`SELECT report FROM "QualityReport" WHERE "projectId" = ${projectId}`, client);
  const parsed = cached ? ZQualityReportBodySchema.safeParse(cached.report) : null;
  if (!parsed?.success) return null;
  return Object.fromEntries(parsed.data.overall.map((o) => [`${o.family} v${o.taxonomyVersion}`, o.alpha.value]));
}

/** sha256 of every item's canonical JSON, one per line, in index order. */
export async function itemsChecksum(client: SqlClient, snapshotId: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const row of snapshotItemRows(client, snapshotId)) hash.update(`${canonicalJson(row)}\n`);
  return hash.digest('hex');
}
