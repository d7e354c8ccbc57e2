import { createHash } from 'node:crypto';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { unzipText } from '@/tests/unzip-text';
import { ExportArchive } from './export-archive';

// The zip's bytes depend only on its content: a file streamed row by row (CSV, since it streams) is
// stored or deflated exactly as the same text added whole was, and gives the same bytes.

const MTIME = new Date(Date.UTC(2026, 0, 2, 3, 4, 6));

async function zipOf(add: (archive: ExportArchive) => void): Promise<{ sha256: string; bytes: Buffer }> {
  const archive = new ExportArchive(MTIME);
  const bytes = await archive.build(buffer, async () => add(archive));
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
}

function csvRows(count: number, name = 'Car'): string[] {
  return Array.from(
    { length: count },
    (_, i) => `${String(i).padStart(6, '0')}-abcdef012345.jpg,asset-${i},train,c${i % 5},${name}\n`,
  );
}

const streamed = (rows: string[]) =>
  async function* () {
    yield 'media,asset_id,split,class_id,class_name\n';
    for (const row of rows) yield row;
  };
const whole = (rows: string[]) => `media,asset_id,split,class_id,class_name\n${rows.join('')}`;

describe('ExportArchive', () => {
  it.each([
    ['a small file (stored)', csvRows(40)],
    ['a file past 16 K characters (deflated)', csvRows(600)],
    ['few characters but many bytes (stored, as before: characters count)', csvRows(150, '€'.repeat(40))],
  ])('gives the same bytes for %s streamed row by row as added whole', async (_name, rows) => {
    const added = await zipOf((a) => {
      a.addText('labels.csv', whole(rows));
      a.addText('manifest.json', '{}\n');
    });
    const streamedZip = await zipOf((a) => {
      a.add('labels.csv', streamed(rows), { store: 'small' });
      a.addText('manifest.json', '{}\n');
    });
    expect(streamedZip.sha256).toBe(added.sha256);
    const files = await unzipText(streamedZip.bytes);
    expect(files['labels.csv']).toBe(whole(rows));
    expect(Object.keys(files)).toEqual(['labels.csv', 'manifest.json', 'checksums.sha256']);
  });

  it('counts characters, not bytes, as it always did: 12 K characters in 24 KB are stored', async () => {
    const text = whole(csvRows(150, '€'.repeat(40)));
    expect([text.length < 16_384, Buffer.byteLength(text) > 16_384]).toEqual([true, true]);
    const zip = await zipOf((a) => a.add('labels.csv', streamed(csvRows(150, '€'.repeat(40))), { store: 'small' }));
    expect(zip.bytes.length).toBeGreaterThan(Buffer.byteLength(text));
  });

  it('a large streamed file is deflated, reads back whole and gives the same bytes every time', async () => {
    const rows = csvRows(20_000);
    const build = () => zipOf((a) => a.add('labels.csv', streamed(rows), { store: 'small' }));
    const [first, second] = [await build(), await build()];
    expect(first.sha256).toBe(second.sha256);
    expect(first.bytes.length).toBeLessThan(whole(rows).length / 4);
    expect((await unzipText(first.bytes))['labels.csv']).toBe(whole(rows));
  });
});
