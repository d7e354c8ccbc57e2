import { geometryOf } from '../schemas/geometry';
import type { ExportContext, ExportItem } from './export-item';

// labels.csv: one row per classification region, for items of any kind. Other region types are
// skipped, and so are regions whose class is not in the pinned taxonomy (no name to write).
// Quoting follows RFC 4180; lines end in '\n' like every export file (CSV readers accept both).
// Cells are written as they are, not defused against spreadsheet formulas: this file feeds
// training code, and a changed class name would be a wrong label.
//
// One file for every item, so it streams: the header, then each item's rows as the item comes
// (the export worker writes them into the zip entry as it reads the snapshot, in constant memory).

export const CSV_PATH = 'labels.csv';
export const CSV_HEADER = ['media', 'asset_id', 'sha256', 'split', 'class_id', 'class_name'] as const;

export const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export interface CsvClassification {
  /** The header line. */
  header: string;
  /** The item's rows, each ended by '\n' ('' when it has no classification). */
  rows(item: ExportItem): string;
}

export function createCsvClassification(ctx: ExportContext): CsvClassification {
  const classNames = new Map(ctx.classes.map((c) => [c.id, c.name]));
  return {
    header: `${CSV_HEADER.join(',')}\n`,
    rows(item) {
      let text = '';
      for (const region of item.regions) {
        const name = classNames.get(region.classId);
        if (region.type !== 'classification' || name === undefined || !geometryOf('classification', region)) continue;
        text += `${[item.mediaName, item.assetId, item.sha256, item.split, region.classId, name].map(csvField).join(',')}\n`;
      }
      return text;
    },
  };
}
