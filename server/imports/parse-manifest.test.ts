import { describe, expect, it } from 'vitest';
import { parseManifest } from './parse-manifest';

describe('parseManifest: CSV', () => {
  it('reads quoted commas, known columns, and puts unknown columns into metadata', () => {
    const csv = [
      'uri,name,captured_at,device,Camera Height,consent',
      'https://x.test/a.jpg,"Street, north",2026-05-01T12:00:00Z,Pixel 9,1.6 m,signed',
      'https://x.test/b.jpg,,2026-05-02,,,',
    ].join('\n');
    expect(parseManifest(csv, 'csv')).toEqual([
      {
        line: 2,
        ok: true,
        uri: 'https://x.test/a.jpg',
        name: 'Street, north',
        capture: {
          capturedAt: '2026-05-01T12:00:00Z',
          device: 'Pixel 9',
          consent: 'signed',
          metadata: { 'camera height': '1.6 m' },
        },
      },
      { line: 3, ok: true, uri: 'https://x.test/b.jpg', name: undefined, capture: { capturedAt: '2026-05-02T00:00:00Z' } },
    ]);
  });

  it('rejects bad dates, missing uris and short rows with their line numbers', () => {
    const csv = 'uri,captured_at\nhttps://x.test/a.jpg,yesterday\n,2026-01-01\nonly-one-column-and,too,many\n';
    const rows = parseManifest(csv, 'csv');
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, false],
      [3, false],
      [4, false],
    ]);
    expect(rows[0]).toMatchObject({ uri: 'https://x.test/a.jpg', reason: expect.stringMatching(/captured_at: not an ISO 8601/) });
    expect(rows[1]).toMatchObject({ reason: expect.stringMatching(/uri is missing/) });
    expect(rows[2]).toMatchObject({ reason: expect.stringMatching(/Invalid Record Length/) });
  });

  it('refuses a CSV without a uri column as a whole', () => {
    expect(() => parseManifest('url\nhttps://x.test/a.jpg\n', 'csv')).toThrow(/needs a "uri" column/);
  });
});

describe('parseManifest: JSON Lines', () => {
  it('keeps good lines, rejects a bad line by number, merges extra keys into metadata', () => {
    const jsonl = [
      '{"uri":"https://x.test/a.wav","license":"CC-BY-4.0","metadata":{"speaker":"s1","snr":12.5},"session":7}',
      '{"uri": "https://x.test/b.wav", oops}',
      '',
      '["not", "an", "object"]',
      '{"uri":"https://x.test/c.wav","metadata":{"nested":{"no":1}}}',
    ].join('\n');
    const rows = parseManifest(jsonl, 'jsonl');
    expect(rows[0]).toEqual({
      line: 1,
      ok: true,
      uri: 'https://x.test/a.wav',
      name: undefined,
      capture: { license: 'CC-BY-4.0', metadata: { session: 7, speaker: 's1', snr: 12.5 } },
    });
    expect(rows.slice(1)).toEqual([
      { line: 2, ok: false, uri: null, reason: 'not valid JSON' },
      { line: 4, ok: false, uri: null, reason: 'not a JSON object' },
      expect.objectContaining({
        line: 5,
        ok: false,
        uri: 'https://x.test/c.wav',
        reason: expect.stringMatching(/^metadata\.nested/),
      }),
    ]);
  });
});
