import { describe, expect, it } from 'vitest';
import { meanPairAgreement, pairAgreement } from './region-agreement';

let ids = 0;
const cls = (classId: string) => ({ id: `r${ids++}`, type: 'classification', classId });
const box = (classId: string, x: number, y: number, w = 0.2, h = 0.2) => ({ id: `r${ids++}`, type: 'bbox', classId, x, y, w, h });
const segment = (classId: string, start: number, end: number) => ({
  id: `r${ids++}`,
  type: 'audio_segment',
  classId,
  start,
  end,
});

describe('region agreement', () => {
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

  it('matches optimally, not greedily', () => {
    // Greedy takes the best pair (a0, b0) and leaves a1 without a partner; the optimal matching pairs
    // a0–b1 and a1–b0, both above the threshold.
    const a = [box('car', 0.1, 0.1), box('car', 0.22, 0.1)];
    const b = [box('car', 0.16, 0.1), box('car', 0.04, 0.1)];
    expect(pairAgreement(a, b)).toBe(1);
  });

  it('never matches one region twice', () => {
    expect(pairAgreement([box('car', 0.1, 0.1)], [box('car', 0.1, 0.1), box('car', 0.1, 0.1)])).toBeCloseTo(2 / 3);
  });

  it('compares audio segments by temporal IoU, as the quality report does', () => {
    // [0, 4] and [1, 5] overlap 3 s of 5: IoU 0.6, a match; [0, 4] and [3, 7] overlap 1 of 7: none.
    expect(pairAgreement([segment('speech', 0, 4)], [segment('speech', 1, 5)])).toBe(1);
    expect(pairAgreement([segment('speech', 0, 4)], [segment('speech', 3, 7)])).toBe(0);
    expect(pairAgreement([segment('speech', 0, 4)], [segment('music', 1, 5)])).toBe(0);
  });

  it('averages over annotator pairs', () => {
    expect(meanPairAgreement([[cls('cat')], [cls('cat')], [cls('dog')]])).toBeCloseTo(1 / 3);
    expect(meanPairAgreement([[cls('cat')]])).toBe(1);
  });
});
