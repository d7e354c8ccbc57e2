import { cocoAnnotations, cocoHead, cocoImage, cocoPath, COCO_MIDDLE, COCO_TAIL } from '@/lib/export/coco';
import { createCsvClassification, CSV_PATH } from '@/lib/export/csv-classification';
import { SPLITS, type ExportContext, type ExportItem } from '@/lib/export/export-item';
import type { CreateWriter } from '@/lib/export/format-writer';
import { jsonlLine, JSONL_PATH } from '@/lib/export/jsonl';
import { createMotWriter } from '@/lib/export/mot';
import { createRttmWriter } from '@/lib/export/rttm';
import { createVocWriter } from '@/lib/export/voc';
import { createWebVttWriter } from '@/lib/export/webvtt';
import { createYoloWriter } from '@/lib/export/yolo';
import type { TExportFormat } from '@/lib/schemas/snapshot';
import type { SqlClient } from '../sql';
import type { ExportArchive } from './export-archive';
import { snapshotItemRows, toExportItem } from './snapshot-item-rows';

// Where each format puts its label files and its media inside the archive. JSONL, COCO and CSV (one
// file each, or one per split) stream from the database while their entry is written; the per-item
// formats (YOLO, VOC, WebVTT, RTTM, MOT) are pure writers in lib/export/ whose files are added item
// by item while the archive is written out, a few dozen ahead of it (ExportArchive.room).

const WRITERS: Record<Exclude<TExportFormat, 'jsonl' | 'coco' | 'csv'>, CreateWriter> = {
  yolo: createYoloWriter,
  voc: createVocWriter,
  webvtt: createWebVttWriter,
  rttm: createRttmWriter,
  mot: createMotWriter,
};

export interface LayoutInput {
  client: SqlClient;
  snapshotId: string;
  ctx: ExportContext;
  /** Items per split (from the snapshot's manifest): COCO writes a file per non-empty split. */
  perSplit: Readonly<Record<string, number>>;
  /** Counts items as each pass goes through them (the progress bar). */
  tick: () => Promise<void>;
}

/** How many passes over the items the format's labels take (for the progress total). */
export const labelPasses = (format: TExportFormat) => (format === 'coco' ? 2 : 1);

async function* items(input: LayoutInput, split?: ExportItem['split'], regions = true): AsyncGenerator<ExportItem> {
  for await (const row of snapshotItemRows(input.client, input.snapshotId, { split, regions, provenance: false })) {
    await input.tick();
    yield toExportItem(row);
  }
}

async function* jsonl(input: LayoutInput) {
  for await (const item of items(input)) yield jsonlLine(item);
}

async function* csv(input: LayoutInput) {
  const labels = createCsvClassification(input.ctx);
  yield labels.header;
  for await (const item of items(input)) yield labels.rows(item);
}

async function* coco(input: LayoutInput, split: ExportItem['split']) {
  yield cocoHead(input.ctx);
  let first = true;
  for await (const item of items(input, split, false)) {
    const image = cocoImage(item);
    if (!image) continue;
    yield first ? image : `,${image}`;
    first = false;
  }
  yield COCO_MIDDLE;
  let nextId = 1;
  for await (const item of items(input, split)) {
    const entries = cocoAnnotations(item, input.ctx, nextId);
    if (entries.length === 0) continue;
    yield `${nextId === 1 ? '' : ','}${entries.join(',')}`;
    nextId += entries.length;
  }
  yield COCO_TAIL;
}

export async function addLabelEntries(archive: ExportArchive, format: TExportFormat, input: LayoutInput): Promise<void> {
  if (format === 'jsonl') return archive.add(JSONL_PATH, () => jsonl(input));
  // Stored or deflated by size, as when the file was built whole: the same bytes either way.
  if (format === 'csv') return archive.add(CSV_PATH, () => csv(input), { store: 'small' });
  if (format === 'coco') {
    for (const split of SPLITS) if (input.perSplit[split]) archive.add(cocoPath(split), () => coco(input, split));
    return;
  }
  const writer = WRITERS[format](input.ctx);
  for await (const item of items(input)) {
    await archive.room();
    for (const file of writer.item(item)) archive.addText(file.path, file.content);
  }
  for (const file of writer.finish()) archive.addText(file.path, file.content);
}

/** Where the format's readers look for the media (COCO's file_name and VOC's filename are the bare media name). */
export function mediaPath(format: TExportFormat, item: Pick<ExportItem, 'split' | 'mediaName'>): string {
  if (format === 'yolo') return `images/${item.split}/${item.mediaName}`;
  if (format === 'voc') return `JPEGImages/${item.mediaName}`;
  if (format === 'coco') return `coco/images/${item.mediaName}`;
  return `media/${item.mediaName}`;
}
