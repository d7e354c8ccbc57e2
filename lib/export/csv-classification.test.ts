import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createCsvClassification } from './csv-classification';
import type { ExportItem } from './export-item';
import { exportContext, exportItem, region, taxonomyClass } from './test-fixtures';

const ctx = exportContext([
  taxonomyClass('day', 'Day', ['classification']),
  taxonomyClass('odd', 'Rain, "heavy"\nnight', ['classification']),
]);

const items = [
  exportItem(0, {
    regions: [
      region('c1', 'classification', 'day', {}),
      region('c2', 'classification', 'odd', {}),
      region('box', 'bbox', 'day', { x: 0, y: 0, w: 1, h: 1 }),
      region('gone', 'classification', 'deprecated', {}),
    ],
  }),
  exportItem(1, { regions: [region('b', 'bbox', 'day', { x: 0, y: 0, w: 1, h: 1 })] }),
  exportItem(2, {
    kind: 'AUDIO',
    mediaName: '000002-02ababababab.wav',
    split: 'test',
    regions: [region('a', 'classification', 'day', {})],
  }),
];

/** labels.csv as the export worker streams it: the header, then each item's rows in order. */
function csvOf(list: readonly ExportItem[]): string {
  const csv = createCsvClassification(ctx);
  return csv.header + list.map((item) => csv.rows(item)).join('');
}

describe('CSV classification writer', () => {
  it('writes one row per classification region, for any kind of item, quoting per RFC 4180', () => {
    const sha = (i: number) => exportItem(i).sha256;
    // The same bytes as when the whole file was built in memory at the end.
    expect(csvOf(items)).toBe(
      'media,asset_id,sha256,split,class_id,class_name\n' +
        `000000-00ababababab.jpg,asset-0,${sha(0)},train,day,Day\n` +
        `000000-00ababababab.jpg,asset-0,${sha(0)},train,odd,"Rain, ""heavy""\nnight"\n` +
        `000002-02ababababab.wav,asset-2,${sha(2)},test,day,Day\n`,
    );
  });

  it('parses back with csv-parse to the same cells', () => {
    const rows: Record<string, string>[] = parse(csvOf(items), { columns: true });
    expect(rows.map((r) => [r.media, r.split, r.class_id, r.class_name])).toEqual([
      ['000000-00ababababab.jpg', 'train', 'day', 'Day'],
      ['000000-00ababababab.jpg', 'train', 'odd', 'Rain, "heavy"\nnight'],
      ['000002-02ababababab.wav', 'test', 'day', 'Day'],
    ]);
    expect(rows[0]!.sha256).toBe(items[0]!.sha256);
  });

  it('writes the header alone when nothing is classified', () => {
    expect(createCsvClassification(ctx).rows(items[1]!)).toBe('');
    expect(csvOf([items[1]!])).toBe('media,asset_id,sha256,split,class_id,class_name\n');
  });

  it('is byte-deterministic', () => {
    expect(csvOf(items)).toBe(csvOf(items));
  });
});
