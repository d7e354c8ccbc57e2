import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import {
  boxIou,
  matchRegions,
  polygonArea,
  polygonIntersectionArea,
  polygonIou,
  segmentIou,
  type Box,
  type Point,
} from './region-match';

const poly = (...coords: number[]): Point[] =>
  Array.from({ length: coords.length / 2 }, (_, i) => ({ x: coords[2 * i]!, y: coords[2 * i + 1]! }));
const boxPolygon = ({ x, y, w, h }: Box) => poly(x, y, x + w, y, x + w, y + h, x, y + h);
/** A box spanning [start, end] horizontally and 0–1 vertically, so its IoU is the overlap of the spans. */
const span = (start: number, end: number): Box => ({ x: start, y: 0, w: end - start, h: 1 });

// Unit cells of a 2×2 grid: the L covers the lower-left three, the mirrored L the upper-right three.
const lShape = poly(0, 0, 2, 0, 2, 1, 1, 1, 1, 2, 0, 2);
const mirroredL = poly(1, 0, 2, 0, 2, 2, 0, 2, 0, 1, 1, 1);

describe('box and segment IoU', () => {
  it('is 1 for identical shapes, 0 for disjoint ones, and overlap / union otherwise', () => {
    expect(boxIou({ x: 0, y: 0, w: 2, h: 1 }, { x: 1, y: 0, w: 2, h: 1 })).toBeCloseTo(1 / 3, 12);
    expect(boxIou({ x: 0, y: 0, w: 1, h: 1 }, { x: 3, y: 3, w: 1, h: 1 })).toBe(0);
    expect(segmentIou([0, 10], [5, 15])).toBeCloseTo(1 / 3, 12);
    expect(segmentIou([2, 4], [2, 4])).toBe(1);
    expect(segmentIou([0, 1], [2, 3])).toBe(0);
    expect(segmentIou([1, 1], [1, 1])).toBe(0);
    expect(() => segmentIou([3, 1], [0, 1])).toThrow(RangeError);
  });
});

describe('polygon area and IoU', () => {
  it('computes the shoelace area in either orientation, concave shapes included', () => {
    expect(polygonArea(poly(0, 0, 4, 0, 0, 3))).toBe(6);
    expect(polygonArea(lShape)).toBe(3);
    expect(polygonArea([...lShape].reverse())).toBe(3);
  });

  it('agrees with box IoU on random boxes', () => {
    const random = seededRandom(5);
    for (let trial = 0; trial < 100; trial++) {
      const box = (): Box => ({ x: random() * 10, y: random() * 10, w: 0.5 + random() * 6, h: 0.5 + random() * 6 });
      const a = box();
      const b = box();
      expect(polygonIou(boxPolygon(a), boxPolygon(b))).toBeCloseTo(boxIou(a, b), 10);
    }
  });

  it('is exact for concave polygons, where clipping against a non-convex polygon would fail', () => {
    // The two Ls share the lower-right and upper-left cells: intersection 2, union 4.
    expect(polygonIntersectionArea(lShape, mirroredL)).toBeCloseTo(2, 12);
    expect(polygonIou(lShape, mirroredL)).toBeCloseTo(0.5, 12);
    expect(polygonIou([...lShape].reverse(), mirroredL)).toBeCloseTo(0.5, 12);
    // The L inside the 2×2 square: 3 / 4; the square's missing cell against the L: nothing.
    expect(polygonIou(lShape, poly(0, 0, 2, 0, 2, 2, 0, 2))).toBeCloseTo(0.75, 12);
    expect(polygonIou(lShape, poly(1, 1, 2, 1, 2, 2, 1, 2))).toBeCloseTo(0, 12);
  });

  it('is 0 for degenerate polygons', () => {
    expect(polygonIou(poly(0, 0, 1, 1), lShape)).toBe(0);
    expect(polygonIou(poly(0, 0, 1, 1, 2, 2), lShape)).toBe(0);
  });
});

describe('matchRegions', () => {
  // a1 = [0, 10], b1 = [1, 11]: IoU 9/11 ≈ 0.82. b2 = [-3, 7] and a2 = [4, 14] overlap a1 and b1 by 7/13 ≈ 0.54
  // each, and each other by 3/17 ≈ 0.18. At threshold 0.5, greedy (best pair first) takes a1–b1 and leaves a2 and
  // b2 unmatched; the optimal matching pairs a1–b2 and a2–b1 (total 1.08 > 0.82, two matches instead of one).
  const a = [span(0, 10), span(4, 14)];
  const b = [span(1, 11), span(-3, 7)];

  it('finds the matching greedy matching misses', () => {
    const matching = matchRegions(a, b, boxIou, 0.5);
    expect(matching.pairs.map(({ a, b }) => [a, b])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(matching.pairs.map((p) => p.iou)).toEqual([7 / 13, 7 / 13].map((v) => expect.closeTo(v, 12)));
    expect(matching).toMatchObject({ unmatchedA: [], unmatchedB: [] });
  });

  it('leaves pairs below the threshold unmatched', () => {
    const matching = matchRegions(a, b, boxIou, 0.6);
    expect(matching.pairs).toEqual([{ a: 0, b: 0, iou: 9 / 11 }]);
    expect(matching).toMatchObject({ unmatchedA: [1], unmatchedB: [1] });
    expect(matchRegions(a, [], boxIou, 0.5)).toEqual({ pairs: [], unmatchedA: [0, 1], unmatchedB: [] });
    expect(() => matchRegions(a, b, boxIou, 0)).toThrow(RangeError);
  });

  it('matches polygons and segments through the same function', () => {
    expect(matchRegions([mirroredL], [lShape], polygonIou, 0.5).pairs).toEqual([{ a: 0, b: 0, iou: expect.closeTo(0.5, 12) }]);
    const segments: [number, number][] = [
      [0, 2],
      [5, 9],
    ];
    expect(
      matchRegions(
        segments,
        [
          [5, 8],
          [0, 3],
        ] as const,
        segmentIou,
        0.5,
      ).pairs,
    ).toEqual([
      { a: 0, b: 1, iou: 2 / 3 },
      { a: 1, b: 0, iou: 3 / 4 },
    ]);
  });
});
