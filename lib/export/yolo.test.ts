import { describe, expect, it } from 'vitest';
import { exportContext, exportItem, region, runWriter, taxonomyClass } from './test-fixtures';
import { createYoloWriter } from './yolo';

const ctx = exportContext([taxonomyClass('car', 'Car'), taxonomyClass('bus', 'Bus "double": decker', ['bbox', 'polygon'])]);

const boxesOnly = exportItem(0, {
  regions: [
    region('r1', 'bbox', 'car', { x: 0.1, y: 0.2, w: 0.3, h: 0.4 }),
    region('r2', 'bbox', 'bus', { x: 0.9, y: 0.5, w: 0.2, h: 0.1 }),
    region('bad', 'bbox', 'car', { x: 2, y: 0, w: 0.1, h: 0.1 }),
    region('unknown-class', 'bbox', 'tram', { x: 0.1, y: 0.1, w: 0.1, h: 0.1 }),
    region('line', 'polyline', 'car', {
      points: [
        [0, 0],
        [1, 1],
      ],
    }),
    region('flat', 'bbox', 'car', { x: 1, y: 0.5, w: 0.2, h: 0.1 }),
  ],
});
const mixed = exportItem(1, {
  split: 'val',
  regions: [
    region('p1', 'polygon', 'bus', {
      points: [
        [0.1, 0.1],
        [0.5, 0.1],
        [0.3, 0.7],
      ],
    }),
    region('b1', 'bbox', 'car', { x: 0.25, y: 0.5, w: 0.5, h: 0.25 }),
  ],
});
const rotated = exportItem(2, {
  split: 'test',
  regions: [region('rot', 'bbox', 'car', { x: 0.25, y: 0.25, w: 0.5, h: 0.5, rotation: 90 })],
});

/** An independent reader: every line's numbers, checked to be YOLO's normalized range. */
function readYolo(content: string): number[][] {
  return content
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const [c, ...values] = l.split(' ').map(Number);
      expect(Number.isInteger(c)).toBe(true);
      for (const v of values) expect(v >= 0 && v <= 1, l).toBe(true);
      return [c!, ...values];
    });
}

describe('YOLO writer', () => {
  it('writes centre boxes with taxonomy class indexes, clipped to the image, skipping what YOLO cannot hold', () => {
    const [file] = runWriter(createYoloWriter, ctx, [boxesOnly]);
    expect(file).toEqual({ path: 'labels/train/000000-00ababababab.txt', content: '0 0.25 0.4 0.3 0.4\n1 0.95 0.55 0.1 0.1\n' });
    const [[, cx, cy, w, h]] = readYolo(file!.content) as [number[]];
    expect([cx! - w! / 2, cy! - h! / 2, w, h].map((v) => Number(v!.toFixed(6)))).toEqual([0.1, 0.2, 0.3, 0.4]);
  });

  it('writes every box as corners when the file has a polygon, since Ultralytics then reads all lines as points', () => {
    const [file] = runWriter(createYoloWriter, ctx, [mixed]);
    expect(file).toEqual({
      path: 'labels/val/000001-01ababababab.txt',
      content: '1 0.1 0.1 0.5 0.1 0.3 0.7\n0 0.25 0.5 0.75 0.5 0.75 0.75 0.25 0.75\n',
    });
    expect(readYolo(file!.content).map((l) => l.length)).toEqual([7, 9]);
  });

  it('rotates boxes in pixel space, clockwise, and skips them when the image size is unknown', () => {
    const [file] = runWriter(createYoloWriter, ctx, [rotated]);
    // 200×100 px: the 100×50 box turned a quarter turn is 50×100 px about the same centre.
    expect(file!.content).toBe('0 0.625 0 0.625 1 0.375 1 0.375 0\n');
    const withPlain = {
      ...rotated,
      regions: [...rotated.regions, region('plain', 'bbox', 'car', { x: 0, y: 0, w: 0.5, h: 0.5 })],
    };
    expect(runWriter(createYoloWriter, ctx, [withPlain])[0]!.content.split('\n')[1]).toBe('0 0 0 0.5 0 0.5 0.5 0 0.5');
    const [unsized] = runWriter(createYoloWriter, ctx, [{ ...rotated, width: null, height: null }]);
    expect(unsized).toEqual({ path: 'labels/test/000002-02ababababab.txt', content: '' });
  });

  it('gives an image without labels an empty file and skips items that are not images', () => {
    const files = runWriter(createYoloWriter, ctx, [exportItem(3), exportItem(4, { kind: 'AUDIO', mediaName: '000004-x.wav' })]);
    expect(files.map((f) => [f.path, f.content])).toEqual([
      ['labels/train/000003-03ababababab.txt', ''],
      ['data.yaml', expect.any(String)],
    ]);
  });

  it('writes data.yaml with JSON-quoted names', () => {
    const files = runWriter(createYoloWriter, ctx, []);
    expect(files).toEqual([
      {
        path: 'data.yaml',
        content:
          'path: .\ntrain: images/train\nval: images/val\ntest: images/test\nnc: 2\nnames:\n  - "Car"\n  - "Bus \\"double\\": decker"\n',
      },
    ]);
    expect(JSON.parse(files[0]!.content.split('\n').at(-2)!.slice(4))).toBe('Bus "double": decker');
    expect(runWriter(createYoloWriter, exportContext([]), [])[0]!.content).toContain('nc: 0\nnames: []\n');
  });

  it('is byte-deterministic', () => {
    const items = [boxesOnly, mixed, rotated];
    expect(runWriter(createYoloWriter, ctx, items)).toEqual(runWriter(createYoloWriter, ctx, items));
  });
});
