import type { ExportContext, ExportFile, ExportItem } from './export-item';

export interface FormatWriter {
  /** Complete files for one item (per-item label files); called once per item in snapshot order. */
  item(item: ExportItem): ExportFile[];
  /** Files written after every item (e.g. YOLO data.yaml, VOC ImageSets lists, a CSV built from rows collected). */
  finish(): ExportFile[];
}

export type CreateWriter = (ctx: ExportContext) => FormatWriter;
