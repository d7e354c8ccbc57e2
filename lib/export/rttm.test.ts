import { describe, expect, it } from 'vitest';
import { createRttmWriter } from './rttm';
import { exportContext, exportItem, region, runWriter, taxonomyClass } from './test-fixtures';

const ctx = exportContext([
  taxonomyClass('adult', 'Adult', ['audio_segment']),
  taxonomyClass('child', 'Child', ['audio_segment']),
]);

const segment = (id: string, classId: string, start: number, end: number, attributes = {}) =>
  region(id, 'audio_segment', classId, { start, end }, attributes);

const item = exportItem(0, {
  kind: 'AUDIO',
  mediaName: '000000-00ababababab.wav',
  regions: [
    segment('s3', 'adult', 12.3456, 14.1, { speaker: ' Ada  Lovelace ' }),
    segment('s1', 'child', 0.1, 2.25),
    segment('s2', 'adult', 0.1, 1.5, { speaker: 42 }),
    segment('empty', 'adult', 5, 6, { speaker: '   ' }),
    segment('zero', 'adult', 7, 7),
    segment('gone', 'deprecated', 8, 9),
    region('bad', 'audio_segment', 'adult', { start: -1, end: 2 }),
    region('cls', 'classification', 'adult', {}),
  ],
});

describe('RTTM writer', () => {
  it('writes one SPEAKER line per segment, sorted by start, with 3-decimal times and sanitized speakers', () => {
    expect(runWriter(createRttmWriter, ctx, [item])).toEqual([
      {
        path: 'rttm/000000-00ababababab.rttm',
        content:
          'SPEAKER 000000-00ababababab 1 0.100 1.400 <NA> <NA> adult <NA> <NA>\n' +
          'SPEAKER 000000-00ababababab 1 0.100 2.150 <NA> <NA> child <NA> <NA>\n' +
          'SPEAKER 000000-00ababababab 1 5.000 1.000 <NA> <NA> adult <NA> <NA>\n' +
          'SPEAKER 000000-00ababababab 1 12.346 1.754 <NA> <NA> Ada_Lovelace <NA> <NA>\n',
      },
    ]);
  });

  it('writes lines of exactly ten space-separated fields whose times add up', () => {
    const lines = runWriter(createRttmWriter, ctx, [item])[0]!.content.trimEnd().split('\n');
    for (const line of lines) {
      const fields = line.split(' ');
      expect(fields).toHaveLength(10);
      expect(fields[3]).toMatch(/^\d+\.\d{3}$/);
      expect(fields[4]).toMatch(/^\d+\.\d{3}$/);
    }
    const ends = lines.map((l) => l.split(' ')).map((f) => Math.round((Number(f[3]) + Number(f[4])) * 1000));
    expect(ends).toEqual([1500, 2250, 6000, 14100]);
  });

  it('writes an empty file for audio without turns and nothing for other kinds', () => {
    const empty = { ...item, regions: [] };
    expect(runWriter(createRttmWriter, ctx, [empty])).toEqual([{ path: 'rttm/000000-00ababababab.rttm', content: '' }]);
    expect(runWriter(createRttmWriter, ctx, [{ ...item, kind: 'IMAGE' }])).toEqual([]);
  });

  it('is byte-deterministic', () => {
    expect(runWriter(createRttmWriter, ctx, [item])).toEqual(runWriter(createRttmWriter, ctx, [item]));
  });
});
