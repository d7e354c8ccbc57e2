import { geometryOf } from '../schemas/geometry';
import type { CreateWriter } from './format-writer';
import { textLines } from './text-format';

// labels.csv: one row per classification region, for items of any kind. Other region types are
// skipped, and so are regions whose class is not in the pinned taxonomy (no name to write).
// Quoting follows RFC 4180; lines end in '\n' like every export file (CSV readers accept both).
// Cells are written as they are, not defused against spreadsheet formulas: this file feeds
// training code, and a changed class name would be a wrong label.

export const CSV_HEADER = ['media', 'asset_id', 'sha256', 'split', 'class_id', 'class_name'] as const;

export const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export const createCsvClassificationWriter: CreateWriter = (ctx) => {
  const classNames = new Map(ctx.classes.map((c) => [c.id, c.name]));
  const rows: string[] = [CSV_HEADER.join(',')];
  return {
    item(item) {
      for (const region of item.regions) {
        const name = classNames.get(region.classId);
        if (region.type !== 'classification' || name === undefined || !geometryOf('classification', region)) continue;
        rows.push([item.mediaName, item.assetId, item.sha256, item.split, region.classId, name].map(csvField).join(','));
      }
      return [];
    },
    finish() {
      return [{ path: 'labels.csv', content: textLines(rows) }];
    },
  };
};
