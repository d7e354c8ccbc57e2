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

/**
 * The items of a snapshot in index order, a page at a time (constant memory however many there are).
 * A pass that needs no labels (or no provenance) leaves them out: they are most of the bytes, and
 * parsing them most of the time (`regions` then comes as [], `provenance` as null).
 */
export async function* snapshotItemRows(
  client: SqlClient,
  snapshotId: string,
  where: { split?: TSplit; regions?: boolean; provenance?: boolean } = {},
): AsyncGenerator<SnapshotItemRow> {
  const regions = where.regions === false ? sql`'[]'::jsonb AS regions` : sql`regions`;
  const provenance = where.provenance === false ? sql`NULL AS provenance` : sql`provenance`;
  const pageAfter = (after: number) =>
    rows<SnapshotItemRow>(
      sql`SELECT index, "assetId", sha256, asset, "annotationId", "annotationVersion", split, ${regions}, ${provenance}
        FROM "SnapshotItem" WHERE "snapshotId" = ${snapshotId} AND index > ${after}
          AND (${where.split ?? null}::text IS NULL OR split = ${where.split ?? null})
        ORDER BY index LIMIT ${PAGE}`,
      client,
    );
  // The next page is asked for before this one is handed out: the database works while the caller does.
  let next: Promise<SnapshotItemRow[]> | null = pageAfter(-1);
  while (next) {
    const page: SnapshotItemRow[] = await next;
    next = page.length < PAGE ? null : pageAfter(page.at(-1)!.index);
    // A caller that stops early never awaits the page asked for ahead: its failure is not theirs.
    next?.catch(() => undefined);
    yield* page;
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
