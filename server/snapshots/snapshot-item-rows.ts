import type { ExportItem, TSplit } from '@/lib/export/export-item';
import type { TRegion } from '@/lib/schemas/workflow';
import { rows, sql, type SqlClient } from '../sql';

/** A snapshot item as stored (what its checksum and manifest.json are made of). */
export interface SnapshotItemRow {
  index: number;
  assetId: string;
  sha256: string;
  asset: AssetFacts;
  annotationId: string;
  annotationVersion: number;
  split: TSplit;
  regions: TRegion[];
  provenance: { labelers: string[]; decisions: { by: string; decision: string; at: string }[]; adjudicatedBy: string | null };
}

interface AssetFacts {
  kind: ExportItem['kind'];
  mime: string;
  width: number | null;
  height: number | null;
  durationSec: number | null;
  fps: number | null;
  frameCount: number | null;
  [fact: string]: unknown;
}

const PAGE = 1000;

/** The items of a snapshot in index order, a page at a time (constant memory however many there are). */
export async function* snapshotItemRows(
  client: SqlClient,
  snapshotId: string,
  where: { split?: TSplit } = {},
): AsyncGenerator<SnapshotItemRow> {
  for (let after = -1; ;) {
    const page = await rows<SnapshotItemRow>(
      sql`SELECT index, "assetId", sha256, asset, "annotationId", "annotationVersion", split, regions, provenance
        FROM "SnapshotItem" WHERE "snapshotId" = ${snapshotId} AND index > ${after}
          AND (${where.split ?? null}::text IS NULL OR split = ${where.split ?? null})
        ORDER BY index LIMIT ${PAGE}`,
      client,
    );
    yield* page;
    if (page.length < PAGE) return;
    after = page.at(-1)!.index;
  }
}

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/tiff': 'tif',
  'image/bmp': 'bmp',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
  'audio/x-wav': 'wav',
  'audio/flac': 'flac',
  'audio/ogg': 'ogg',
  'audio/mp4': 'm4a',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'video/x-matroska': 'mkv',
};

/** The item as format writers read it; its media name is generated from its index and hash. */
export function toExportItem(row: SnapshotItemRow): ExportItem {
  const ext = EXTENSIONS[row.asset.mime] ?? 'bin';
  return {
    index: row.index,
    assetId: row.assetId,
    sha256: row.sha256,
    kind: row.asset.kind,
    mediaName: `${String(row.index).padStart(6, '0')}-${row.sha256.slice(0, 12)}.${ext}`,
    width: row.asset.width,
    height: row.asset.height,
    durationSec: row.asset.durationSec,
    fps: row.asset.fps,
    frameCount: row.asset.frameCount,
    split: row.split,
    annotationId: row.annotationId,
    annotationVersion: row.annotationVersion,
    regions: row.regions,
  };
}
