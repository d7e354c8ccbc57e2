import { describe, expect, it } from 'vitest';
import { boxFromCorners, insertVertex, regionBounds, removeVertex, resizeBox } from './geometry';
import { buildHitIndex, regionAt, regionsIn } from './hit-test';
import type { EditorRegion } from './patch';

const box = (id: string, x: number, y: number, w = 0.1, h = 0.1, extra: Partial<EditorRegion> = {}): EditorRegion => ({
  id,
  type: 'bbox',
  classId: 'car',
  attributes: {},
  x,
  y,
  w,
  h,
  ...extra,
});

describe('geometry', () => {
  it('makes a box from corners dragged in any direction, clamped to the image', () => {
    expect(boxFromCorners([0.5, 0.6], [0.2, 0.1])).toEqual({ x: 0.2, y: 0.1, w: 0.3, h: 0.5 });
    expect(boxFromCorners([-0.2, 0.9], [0.3, 1.4])).toMatchObject({ x: 0, y: 0.9, w: 0.3 });
  });

  it('resizes by a handle and flips when an edge crosses the opposite one', () => {
    const b = { x: 0.2, y: 0.2, w: 0.2, h: 0.2 };
    const grown = resizeBox(b, 'se', [0.5, 0.6]);
    [grown.x, grown.y, grown.w, grown.h].forEach((v, i) => expect(v).toBeCloseTo([0.2, 0.2, 0.3, 0.4][i]!, 12));
    // The east edge dragged to x = 0.1, left of the west edge at 0.2: the box now spans 0.1–0.2.
    const flipped = resizeBox(b, 'e', [0.1, 0.9]);
    [flipped.x, flipped.w, flipped.y, flipped.h].forEach((v, i) => expect(v).toBeCloseTo([0.1, 0.1, 0.2, 0.2][i]!, 12));
  });

  it('inserts and removes polygon vertices, never below a triangle', () => {
    const triangle = [
      [0, 0],
      [1, 0],
      [0, 1],
    ] as const;
    expect(insertVertex(triangle, 0, [0.5, -0.1])).toEqual([
      [0, 0],
      [0.5, 0],
      [1, 0],
      [0, 1],
    ]);
    expect(removeVertex(triangle, 1)).toEqual(triangle);
    expect(removeVertex(insertVertex(triangle, 0, [0.5, 0]), 1)).toEqual(triangle);
  });

  it('bounds every shape; a classification has none', () => {
    expect(regionBounds(box('a', 0.1, 0.2, 0.3, 0.4))).toEqual({ x0: 0.1, y0: 0.2, x1: 0.4, y1: 0.6000000000000001 });
    expect(regionBounds({ id: 'c', type: 'classification', classId: 'weather', attributes: {} })).toBeNull();
    expect(regionBounds({ ...box('m', 0, 0), w: 'wide' })).toBeNull();
  });
});

describe('hit testing', () => {
  it('finds the topmost visible region under the pointer, with a tolerance for thin shapes', () => {
    const regions = [
      box('under', 0.1, 0.1, 0.3, 0.3),
      box('over', 0.2, 0.2),
      box('hidden', 0.2, 0.2, 0.1, 0.1, { hidden: true }),
    ];
    const index = buildHitIndex(regions);
    expect(regionAt(index, [0.25, 0.25])?.id).toBe('over');
    expect(regionAt(index, [0.12, 0.12])?.id).toBe('under');
    expect(regionAt(index, [0.9, 0.9])).toBeNull();
    expect(regionAt(index, [0.405, 0.12])).toBeNull();
    expect(regionAt(index, [0.405, 0.12], 0.01)?.id).toBe('under');
  });

  it('tests polygons by their outline and keypoints by distance', () => {
    const regions: EditorRegion[] = [
      {
        id: 'tri',
        type: 'polygon',
        classId: 'car',
        attributes: {},
        points: [
          [0.1, 0.1],
          [0.5, 0.1],
          [0.1, 0.5],
        ],
      },
      { id: 'kp', type: 'keypoints', classId: 'pedestrian', attributes: {}, points: [{ x: 0.8, y: 0.8, v: 2 }] },
    ];
    const index = buildHitIndex(regions);
    expect(regionAt(index, [0.2, 0.2])?.id).toBe('tri');
    // Inside the bounds but beyond the hypotenuse.
    expect(regionAt(index, [0.45, 0.45])).toBeNull();
    expect(regionAt(index, [0.805, 0.8], 0.01)?.id).toBe('kp');
  });

  it('answers among 10,000 boxes from the grid, the same as checking every box', () => {
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const plain = Array.from({ length: 10_000 }, (_, i) => ({
      id: `b${i}`,
      x: random() * 0.95,
      y: random() * 0.95,
      w: 0.01 + random() * 0.04,
      h: 0.01 + random() * 0.04,
    }));
    const index = buildHitIndex(plain.map((r) => box(r.id, r.x, r.y, r.w, r.h)));
    for (let q = 0; q < 200; q++) {
      const p = [random(), random()] as const;
      const expected = plain.filter((r) => p[0] >= r.x && p[0] <= r.x + r.w && p[1] >= r.y && p[1] <= r.y + r.h).at(-1);
      expect(regionAt(index, p)?.id).toBe(expected?.id);
    }
    const marquee = { x0: 0.2, y0: 0.2, x1: 0.5, y1: 0.6 };
    const inside = plain.filter((r) => r.x >= 0.2 && r.x + r.w <= 0.5 && r.y >= 0.2 && r.y + r.h <= 0.6).map((r) => r.id);
    expect(regionsIn(index, marquee)).toEqual(inside);
    expect(regionsIn(index, { x0: 0.5, y0: 0.6, x1: 0.2, y1: 0.2 })).toEqual(inside);
  });
});
