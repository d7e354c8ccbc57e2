import { describe, expect, it } from 'vitest';
import { exportContext, exportItem, region, runWriter, taxonomyClass } from './test-fixtures';
import { createWebVttWriter, vttTimestamp } from './webvtt';

const ctx = exportContext([taxonomyClass('speech', 'Speech', ['audio_segment'])]);

const segment = (id: string, start: number, end: number, text?: string, attributes = {}) =>
  region(id, 'audio_segment', 'speech', { start, end, ...(text === undefined ? {} : { text }) }, attributes);

const audio = (regions: ReturnType<typeof segment>[]) =>
  exportItem(0, { kind: 'AUDIO', mediaName: '000000-00ababababab.wav', width: null, height: null, durationSec: 4000, regions });

const item = audio([
  segment('z', 2, 3.5, 'Second & <last> --> here', { speaker: 'Dr  <Who>' }),
  segment('a', 1.0004, 2, 'First line\n\n  \nsecond line'),
  segment('b', 2, 3, 'Same start, ends sooner', { speaker: 7 }),
  segment('silent', 0.5, 1),
  segment('blank', 0.5, 1, '   '),
  segment('zero', 1, 1.0002, 'too short'),
  segment('bad', 3, 2, 'ends before it starts'),
  segment('long', 3723.0456, 3725, 'an hour in'),
  region('other', 'event', 'speech', { start: 1, end: 2 }),
]);

// WebVTT's cue timings line: two timestamps (hours optional, at least two digits) around "-->".
const TIMESTAMP = String.raw`(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}`;
const TIMINGS = new RegExp(`^(${TIMESTAMP}) --> (${TIMESTAMP})$`);

describe('WebVTT writer', () => {
  it('writes numbered cues sorted by start, end and id, with escaped text and voice spans', () => {
    const files = runWriter(createWebVttWriter, ctx, [item]);
    expect(files).toEqual([
      {
        path: 'vtt/000000-00ababababab.vtt',
        content:
          'WEBVTT\n\n' +
          '1\n00:00:01.000 --> 00:00:02.000\nFirst line\nsecond line\n\n' +
          '2\n00:00:02.000 --> 00:00:03.000\nSame start, ends sooner\n\n' +
          '3\n00:00:02.000 --> 00:00:03.500\n<v Dr &lt;Who&gt;>Second &amp; &lt;last&gt; --&gt; here\n\n' +
          '4\n01:02:03.046 --> 01:02:05.000\nan hour in\n',
      },
    ]);
  });

  it('writes cue blocks a WebVTT parser accepts: numeric ids, valid increasing timings, no blank or arrow lines in text', () => {
    const content = runWriter(createWebVttWriter, ctx, [item])[0]!.content;
    const [header, ...blocks] = content.replace(/\n$/, '').split('\n\n');
    expect(header).toBe('WEBVTT');
    for (const block of blocks) {
      const [id, timings, ...text] = block.split('\n');
      expect(id).toMatch(/^\d+$/);
      const [, start, end] = TIMINGS.exec(timings!)!;
      expect(end! > start!).toBe(true);
      expect(text.length).toBeGreaterThan(0);
      for (const line of text) expect(line.trim() === '' || line.includes('-->')).toBe(false);
    }
  });

  it('formats timestamps with millisecond precision and hours past 99', () => {
    expect(vttTimestamp(0)).toBe('00:00:00.000');
    expect(vttTimestamp(59_999)).toBe('00:00:59.999');
    expect(vttTimestamp(360_000_000 + 61_001)).toBe('100:01:01.001');
  });

  it('writes no file for audio without cues, nor for other kinds', () => {
    expect(runWriter(createWebVttWriter, ctx, [audio([segment('s', 0, 1)]), audio([])])).toEqual([]);
    expect(runWriter(createWebVttWriter, ctx, [{ ...item, kind: 'VIDEO' }])).toEqual([]);
  });

  it('is byte-deterministic', () => {
    expect(runWriter(createWebVttWriter, ctx, [item])).toEqual(runWriter(createWebVttWriter, ctx, [item]));
  });
});
