import { describe, expect, it } from 'vitest';
import { boxIou, meanPairAgreement, pairAgreement } from './region-agreement';

const cls = (classId: string) => ({ type: 'classification', classId });
const box = (classId: string, x: number, y: number, w = 0.2, h = 0.2) => ({ type: 'bbox', classId, x, y, w, h });

describe('region agreement', () => {
  it('IoU of boxes: identical 1, disjoint 0, half-overlapping 1/3', () => {
    expect(boxIou({ x: 0, y: 0, w: 1, h: 1 }, { x: 0, y: 0, w: 1, h: 1 })).toBe(1);
    expect(boxIou({ x: 0, y: 0, w: 1, h: 1 }, { x: 2, y: 2, w: 1, h: 1 })).toBe(0);
    expect(boxIou({ x: 0, y: 0, w: 2, h: 1 }, { x: 1, y: 0, w: 2, h: 1 })).toBeCloseTo(1 / 3);
  });

  it('classifications agree when the class matches', () => {
    expect(pairAgreement([cls('cat')], [cls('cat')])).toBe(1);
    expect(pairAgreement([cls('cat')], [cls('dog')])).toBe(0);
    expect(pairAgreement([], [])).toBe(1);
    expect(pairAgreement([cls('cat')], [])).toBe(0);
  });

  it('boxes match one to one by class and IoU ≥ 0.5', () => {
    const a = [box('car', 0.1, 0.1), box('car', 0.6, 0.6)];
    const b = [box('car', 0.12, 0.1), box('person', 0.6, 0.6)];
    // One matched pair of 2 + 2 regions: F1 = 2·1/4.
    expect(pairAgreement(a, b)).toBe(0.5);
    // Shifted by half a box: IoU 1/3, below the match threshold.
    expect(pairAgreement([box('car', 0, 0)], [box('car', 0.1, 0)])).toBe(0);
  });

  it('never matches one region twice', () => {
    expect(pairAgreement([box('car', 0.1, 0.1)], [box('car', 0.1, 0.1), box('car', 0.1, 0.1)])).toBeCloseTo(2 / 3);
  });

  it('averages over annotator pairs', () => {
    expect(meanPairAgreement([[cls('cat')], [cls('cat')], [cls('dog')]])).toBeCloseTo(1 / 3);
    expect(meanPairAgreement([[cls('cat')]])).toBe(1);
  });
});
