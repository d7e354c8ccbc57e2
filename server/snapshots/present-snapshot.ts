import {
  ZSnapshotFilterSchema,
  ZSnapshotManifestSchema,
  ZSplitConfigSchema,
  type TExportView,
  type TSnapshotView,
} from '@/lib/schemas/snapshot';
import { one, sql } from '../sql';

export interface SnapshotRow {
  id: string;
  version: number;
  name: string;
  status: TSnapshotView['status'];
  itemCount: number;
  checksum: string | null;
  filter: unknown;
  split: unknown;
  manifest: unknown;
  createdById: string;
  createdByName: string;
  createdAt: Date;
}

export interface ExportRow {
  id: string;
  format: string;
  includeMedia: boolean;
  status: TExportView['status'];
  done: number;
  total: number;
  bytes: bigint | string | null;
  blobSha256: string | null;
  error: string | null;
  createdAt: Date;
  readyAt: Date | null;
  expiredAt: Date | null;
}

export function presentSnapshot(row: SnapshotRow): Omit<TSnapshotView, 'exports' | 'classes'> {
  const manifest = row.manifest === null ? null : ZSnapshotManifestSchema.safeParse(row.manifest);
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    status: row.status,
    itemCount: row.itemCount,
    checksum: row.checksum,
    filter: ZSnapshotFilterSchema.parse(row.filter),
    split: ZSplitConfigSchema.parse(row.split),
    manifest: manifest?.success ? manifest.data : null,
    createdBy: { id: row.createdById, name: row.createdByName },
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentExport(row: ExportRow): TExportView {
  return {
    id: row.id,
    format: row.format as TExportView['format'],
    includeMedia: row.includeMedia,
    status: row.status,
    done: row.done,
    total: row.total,
    bytes: row.bytes === null ? null : Number(row.bytes),
    sha256: row.blobSha256,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    readyAt: row.readyAt?.toISOString() ?? null,
    expiredAt: row.expiredAt?.toISOString() ?? null,
  };
}

/** The rows presentSnapshot reads; add a WHERE on `s`. */
export const SELECT_SNAPSHOTS = sql`SELECT s.id, s.version, s.name, s.status::text AS status, s."itemCount", s.checksum,
    s.filter, s.split, s.manifest, s."createdById", u.name AS "createdByName", s."createdAt"
  FROM "Snapshot" s JOIN "User" u ON u.id = s."createdById"`;

/** The rows presentExport reads; add a WHERE on `e`. */
export const SELECT_EXPORTS = sql`SELECT e.id, e.format, e."includeMedia", e.status::text AS status, e.done, e.total, e.bytes,
    e."blobSha256", e.error, e."createdAt", e."readyAt", e."expiredAt"
  FROM "SnapshotExport" e`;

/** One export as the API shows it, read again after a change. */
export async function exportView(id: string): Promise<TExportView> {
  return presentExport((await one<ExportRow>(sql`${SELECT_EXPORTS} WHERE e.id = ${id}`))!);
}
