import { describe, expect, it } from 'vitest';
import { createMotWriter } from './mot';
import { exportContext, exportItem, region, runWriter, taxonomyClass } from './test-fixtures';

const ctx = exportContext([taxonomyClass('car', 'Car', ['video_track']), taxonomyClass('bus', 'Bus', ['video_track'])]);

const kf = (frame: number, x: number, y: number, w: number, h: number, state = 'visible') => ({ frame, x, y, w, h, state });

const video = exportItem(0, {
  kind: 'VIDEO',
  mediaName: '000000-00ababababab.mp4',
  fps: 25,
  frameCount: 6,
  regions: [
    region('car-1', 'video_track', 'car', {
      keyframes: [
        kf(0, 0, 0, 0.1, 0.2),
        kf(2, 0.2, 0.2, 0.1, 0.2, 'occluded'),
        kf(3, 0.3, 0.2, 0.1, 0.2, 'outside'),
        kf(4, 0.5, 0.2, 0.1, 0.2),
      ],
    }),
    region('unordered', 'video_track', 'car', { keyframes: [kf(5, 0, 0, 0.1, 0.1), kf(2, 0, 0, 0.1, 0.1)] }),
    region('bus-1', 'video_track', 'bus', { keyframes: [kf(1, 0.25, 0.5, 0.25, 0.5), kf(9, 0.75, 0.5, 0.25, 0.5)] }),
    region('crossing', 'event', 'car', { start: 1, end: 3 }),
    region('tram', 'video_track', 'tram', { keyframes: [kf(0, 0, 0, 0.1, 0.1)] }),
  ],
});

const GT = [
  '1,1,0,0,20,20,1,1,1',
  '2,1,20,10,20,20,1,1,1',
  '2,3,50,50,50,50,1,2,1',
  '3,1,40,20,20,20,1,1,0.5',
  '3,3,62.5,50,50,50,1,2,1',
  '4,3,75,50,50,50,1,2,1',
  '5,1,100,20,20,20,1,1,1',
  '5,3,87.5,50,50,50,1,2,1',
  '6,3,100,50,50,50,1,2,1',
];

describe('MOT writer', () => {
  it('writes interpolated 1-based frames sorted by frame and track, hiding outside spans, with seqinfo.ini', () => {
    expect(runWriter(createMotWriter, ctx, [video])).toEqual([
      { path: 'mot/000000-00ababababab/gt/gt.txt', content: GT.map((l) => `${l}\n`).join('') },
      {
        path: 'mot/000000-00ababababab/seqinfo.ini',
        content: '[Sequence]\nname=000000-00ababababab\nframeRate=25\nseqLength=6\nimWidth=200\nimHeight=100\nimExt=.jpg\n',
      },
    ]);
  });

  it('writes rows an evaluator accepts: nine fields, frames within seqLength, keyframes exact in pixels', () => {
    const rows = runWriter(createMotWriter, ctx, [video])[0]!
      .content.trimEnd()
      .split('\n')
      .map((l) => l.split(',').map(Number));
    for (const row of rows) {
      expect(row).toHaveLength(9);
      expect(row[0]! >= 1 && row[0]! <= 6).toBe(true);
      expect([1, 0.5]).toContain(row[8]);
    }
    const sorted = [...rows].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    expect(rows).toEqual(sorted);
    // The car's keyframe on frame 4 (0-based) is MOT frame 5, at 0.5 × 200 px.
    expect(rows.find((r) => r[0] === 5 && r[1] === 1)!.slice(2, 6)).toEqual([100, 20, 20, 20]);
  });

  it('rounds pixels to 2 decimals and falls back when fps or frameCount is unknown', () => {
    const item = {
      ...video,
      fps: null,
      frameCount: null,
      width: 1920,
      height: 1080,
      regions: [region('t', 'video_track', 'car', { keyframes: [kf(7, 0.123456, 0.5, 0.1, 0.3333)] })],
    };
    const [gt, seqinfo] = runWriter(createMotWriter, ctx, [item]);
    expect(gt!.content).toBe('8,1,237.04,540,192,359.96,1,1,1\n');
    expect(seqinfo!.content).toBe('[Sequence]\nname=000000-00ababababab\nseqLength=8\nimWidth=1920\nimHeight=1080\nimExt=.jpg\n');
  });

  it('skips videos without a size and other kinds, and writes an empty gt for a video without tracks', () => {
    expect(runWriter(createMotWriter, ctx, [{ ...video, height: null }])).toEqual([]);
    expect(runWriter(createMotWriter, ctx, [{ ...video, kind: 'IMAGE' }])).toEqual([]);
    const [gt, seqinfo] = runWriter(createMotWriter, ctx, [{ ...video, regions: [] }]);
    expect(gt).toEqual({ path: 'mot/000000-00ababababab/gt/gt.txt', content: '' });
    expect(seqinfo!.content).toContain('seqLength=6\n');
  });

  it("writes a polygon track as its polygon's bounding box on each frame, interpolated vertex by vertex", () => {
    const tri = (dx: number) => [
      [0.1 + dx, 0.2],
      [0.3 + dx, 0.2],
      [0.2 + dx, 0.6],
    ];
    // Frame 1 is halfway: the triangle's bounds moved by 0.1, not a lerp of the two stored boxes.
    const polygons = {
      keyframes: [0, 2].map((frame) => ({ ...kf(frame, 0.1 + frame / 10, 0.2, 0.2, 0.4), points: tri(frame / 10) })),
    };
    const [gt] = runWriter(createMotWriter, ctx, [{ ...video, regions: [region('lane', 'video_track', 'car', polygons)] }]);
    expect(gt!.content).toBe('1,1,20,20,40,40,1,1,1\n2,1,40,20,40,40,1,1,1\n3,1,60,20,40,40,1,1,1\n');
  });

  it('is byte-deterministic', () => {
    expect(runWriter(createMotWriter, ctx, [video])).toEqual(runWriter(createMotWriter, ctx, [video]));
  });
});
