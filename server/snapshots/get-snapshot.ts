import type { TSnapshotView } from '@/lib/schemas/snapshot';
import { ZTaxonomyDefinitionSchema } from '@/lib/schemas/taxonomy';
import type { Ctx } from '../context';
import { db } from '../db';
import { notFound } from '../errors';
import { authorizeProject } from '../permissions';
import { one, rows, sql } from '../sql';
import {
  presentExport,
  presentSnapshot,
  SELECT_EXPORTS,
  SELECT_SNAPSHOTS,
  type ExportRow,
  type SnapshotRow,
} from './present-snapshot';

/** One snapshot of the project by its version number, with its exports (newest first). */
export async function getSnapshot(ctx: Ctx, input: { projectId: string; version: number }): Promise<TSnapshotView> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'snapshots:manage');
  const row = await one<SnapshotRow>(
    sql`${SELECT_SNAPSHOTS} WHERE s."projectId" = ${access.projectId} AND s.version = ${input.version}`,
  );
  if (!row) throw notFound(`Snapshot v${input.version}`);
  const exports = await rows<ExportRow>(
    sql`${SELECT_EXPORTS} WHERE e."snapshotId" = ${row.id} ORDER BY e."createdAt" DESC, e.id`,
  );
  const taxonomy = await one<{ definition: unknown }>(
    sql`SELECT v.definition FROM "TaxonomyVersion" v JOIN "Snapshot" s ON s."taxonomyVersionId" = v.id WHERE s.id = ${row.id}`,
  );
  const classes = ZTaxonomyDefinitionSchema.parse(taxonomy!.definition).classes.map(({ id, name, color }) => ({
    id,
    name,
    color,
  }));
  return { ...presentSnapshot(row), classes, exports: exports.map(presentExport) };
}
