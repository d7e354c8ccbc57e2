import { canonicalJson } from '../canonical-json';
import type { ExportItem } from './export-item';

// The native, lossless format: one line per item with every region exactly as stored (geometry,
// attributes, ids), in canonical JSON (sorted keys) so equal snapshots give equal bytes.

export const JSONL_PATH = 'annotations.jsonl';

export function jsonlLine(item: ExportItem): string {
  const { index, assetId, sha256, kind, mediaName, width, height, durationSec, fps, frameCount, split } = item;
  return `${canonicalJson({
    index,
    media: mediaName,
    asset: { id: assetId, sha256, kind, width, height, durationSec, fps, frameCount },
    split,
    annotation: { id: item.annotationId, version: item.annotationVersion },
    regions: item.regions,
  })}\n`;
}
