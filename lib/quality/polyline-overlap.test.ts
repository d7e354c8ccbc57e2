import { describe, expect, it } from 'vitest';
import { compareAnnotations } from './compare-task';
import { LINE_TOLERANCE, polylineOverlap, samplePath } from './polyline-overlap';

describe('polylineOverlap', () => {
  it('is 1 for the same line, drawn in either direction or with extra vertices on it', () => {
    const line: [number, number][] = [
      [0.1, 0.5],
      [0.9, 0.5],
    ];
    expect(polylineOverlap(line, line)).toBe(1);
    expect(polylineOverlap(line, [...line].reverse())).toBe(1);
    expect(
      polylineOverlap(line, [
        [0.1, 0.5],
        [0.4, 0.5],
        [0.9, 0.5],
      ]),
    ).toBe(1);
  });

  it('tolerates a parallel offset inside the tolerance and drops to 0 past it', () => {
    const a: [number, number][] = [
      [0.1, 0.5],
      [0.9, 0.5],
    ];
    const near = a.map(([x, y]) => [x, y + LINE_TOLERANCE * 0.8] as [number, number]);
    const far = a.map(([x, y]) => [x, y + LINE_TOLERANCE * 1.5] as [number, number]);
    expect(polylineOverlap(a, near)).toBe(1);
    expect(polylineOverlap(a, far)).toBe(0);
  });

  it('is the F1 of the shared length: half of one line over the whole of the other', () => {
    const whole: [number, number][] = [
      [0.1, 0.5],
      [0.9, 0.5],
    ];
    const half: [number, number][] = [
      [0.1, 0.5],
      [0.5, 0.5],
    ];
    // Precision of `half` is 1, its recall of `whole` about 0.5 (plus the tolerance past its end): F1 ≈ 2/3.
    expect(polylineOverlap(half, whole)).toBeCloseTo(2 / 3, 1);
    expect(polylineOverlap(whole, half)).toBeCloseTo(polylineOverlap(half, whole), 10);
  });

  it('is 0 for crossing lines, which share only a point', () => {
    expect(
      polylineOverlap(
        [
          [0.1, 0.5],
          [0.9, 0.5],
        ],
        [
          [0.5, 0.1],
          [0.5, 0.9],
        ],
      ),
    ).toBeLessThan(0.05);
  });

  it('samples a line every quarter tolerance, vertices included', () => {
    const samples = samplePath([
      [0, 0],
      [0.1, 0],
    ]);
    expect(samples[0]).toEqual([0, 0]);
    expect(samples.at(-1)).toEqual([0.1, 0]);
    expect(samples).toHaveLength(Math.ceil(0.1 / (LINE_TOLERANCE / 4)) + 1);
  });
});

describe('polylines in the item comparison', () => {
  const line = (id: string, classId: string, points: [number, number][]) => ({ id, type: 'polyline', classId, points });
  const box = { id: 'b', type: 'bbox', classId: 'lane', x: 0.1, y: 0.49, w: 0.8, h: 0.02 };

  it('match a line of the other annotator, class-agnostic, never a box along them', () => {
    const { units, skipped } = compareAnnotations(
      [
        {
          annotatorId: 'ann-a',
          regions: [
            line('a1', 'lane', [
              [0.1, 0.5],
              [0.9, 0.5],
            ]),
          ],
        },
        {
          annotatorId: 'ann-b',
          regions: [
            line('b1', 'curb', [
              [0.1, 0.502],
              [0.9, 0.502],
            ]),
            box,
          ],
        },
      ],
      { iouThreshold: 0.5 },
    );
    expect(skipped).toBe(0);
    expect(units).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ family: 'regions', ra: 'a1', rb: 'b1', ca: 'lane', cb: 'curb', score: 1 }),
        expect.objectContaining({ family: 'regions', ra: null, rb: 'b' }),
      ]),
    );
  });

  it('a one-point polyline is malformed and skipped', () => {
    const { skipped } = compareAnnotations(
      [
        { annotatorId: 'ann-a', regions: [line('a1', 'lane', [[0.1, 0.5]])] },
        { annotatorId: 'ann-b', regions: [] },
      ],
      { iouThreshold: 0.5 },
    );
    expect(skipped).toBe(1);
  });
});
