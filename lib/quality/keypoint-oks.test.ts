import { describe, expect, it } from 'vitest';
import type { TKeypointsGeometry } from '../schemas/geometry';
import { keypointOks } from './keypoint-oks';

type Point = TKeypointsGeometry['points'][number];
const pt = (x: number, y: number, v: Point['v'] = 2): Point => ({ x, y, v });
const pose = (...points: Point[]): TKeypointsGeometry => ({ points });

// Two corners span a 0.4 × 0.3 box (area 0.12) on both sides; the middle point moves inside it, so
// s² = (0.12 + 0.12) / 2 = 0.12 whatever the displacement.
const a = pose(pt(0.2, 0.2), pt(0.6, 0.5), pt(0.4, 0.3));
const b = pose(pt(0.2, 0.2), pt(0.6, 0.5), pt(0.43, 0.34));
// Middle point: d² = 0.03² + 0.04² = 0.0025; default σ = 0.05, k = 2σ = 0.1, k² = 0.01;
// d² / (2 s² k²) = 0.0025 / (2 · 0.12 · 0.01) = 0.0025 / 0.0024 = 25/24; e^(−25/24) = 0.3528660814588489.
const MOVED = 0.3528660814588489;

describe('keypointOks', () => {
  it('is 1 for identical points', () => {
    expect(keypointOks(a, a)).toBe(1);
    expect(keypointOks(pose(pt(0.5, 0.5)), pose(pt(0.5, 0.5)))).toBe(1);
  });

  it('scores a known displacement exp(−d² / (2 s² k²)) and averages over the keypoints', () => {
    // (1 + 1 + 0.3528660814588489) / 3
    expect(keypointOks(a, b)).toBeCloseTo(0.7842886938196164, 12);
    expect(keypointOks(b, a)).toBeCloseTo(0.7842886938196164, 12);
  });

  it('uses per-keypoint sigmas, then the default sigma, then 0.05', () => {
    // σ = 0.1 on the middle point: k² = 0.04, exponent 0.0025 / (2 · 0.12 · 0.04) = 0.2604166…,
    // e^(−0.2604166…) = 0.7707303812317; (2 + 0.7707303812317) / 3 = 0.923576793743916.
    expect(keypointOks(a, b, { sigmas: [0.05, 0.05, 0.1] })).toBeCloseTo(0.923576793743916, 12);
    expect(keypointOks(a, b, { defaultSigma: 0.1 })).toBeCloseTo(0.923576793743916, 12);
    // sigmas shorter than the skeleton: the missing one falls back to defaultSigma.
    expect(keypointOks(a, b, { sigmas: [0.05, 0.05], defaultSigma: 0.1 })).toBeCloseTo(0.923576793743916, 12);
    // sigmas win over defaultSigma.
    expect(keypointOks(a, b, { sigmas: [0.05, 0.05, 0.05], defaultSigma: 0.1 })).toBeCloseTo(0.7842886938196164, 12);
  });

  it('ignores keypoints neither annotator labeled (v = 0 on both sides)', () => {
    const a4 = pose(...a.points, pt(0.9, 0.9, 0));
    const b4 = pose(...b.points, pt(0.1, 0.1, 0));
    // The unlabeled points neither count nor widen the boxes: same (2 + e^(−25/24)) / 3.
    expect(keypointOks(a4, b4)).toBeCloseTo(0.7842886938196164, 12);
  });

  it('counts a keypoint only one side labeled as 0, and occluded (v = 1) as labeled', () => {
    // The fourth point lies inside the 0.4 × 0.3 box, so s² stays 0.12: (1 + 1 + e^(−25/24) + 0) / 4.
    const a4 = pose(...a.points, pt(0.3, 0.4, 2));
    const b4 = pose(...b.points, pt(0.3, 0.4, 0));
    expect(keypointOks(a4, b4)).toBeCloseTo((2 + MOVED) / 4, 12);
    expect(keypointOks(a4, b4)).toBeCloseTo(0.5882165203647123, 12);
    expect(keypointOks(b4, a4)).toBeCloseTo(0.5882165203647123, 12);
    const occluded = pose(pt(0.2, 0.2, 1), pt(0.6, 0.5, 1), pt(0.43, 0.34, 1));
    expect(keypointOks(a, occluded)).toBeCloseTo(0.7842886938196164, 12);
  });

  it('floors the object area at 1e-4 for a single point', () => {
    // s² = 1e-4, d² = 0.001² = 1e-6, k² = 0.01: exponent 1e-6 / (2 · 1e-4 · 0.01) = 0.5, e^(−0.5) = 0.6065306597126334.
    expect(keypointOks(pose(pt(0.5, 0.5)), pose(pt(0.501, 0.5)))).toBeCloseTo(0.6065306597126334, 12);
    // Points on one vertical line have a zero-area box, floored to 1e-4; the moved side spans
    // 0.001 × 0.8 = 8e-4, so s² = (1e-4 + 8e-4) / 2 = 4.5e-4 and the second point's exponent is
    // 1e-6 / (2 · 4.5e-4 · 0.01) = 1/9: (1 + e^(−1/9)) / 2 = (1 + 0.8948393168143698) / 2 = 0.9474196584071848.
    const line = pose(pt(0.5, 0.1), pt(0.5, 0.9));
    const lineMoved = pose(pt(0.5, 0.1), pt(0.501, 0.9));
    expect(keypointOks(line, lineMoved)).toBeCloseTo(0.9474196584071848, 12);
  });

  it('is 0 when neither labeled any keypoint, and when only one did', () => {
    const none = pose(pt(0.1, 0.1, 0), pt(0.2, 0.2, 0));
    expect(keypointOks(none, none)).toBe(0);
    expect(keypointOks(a, pose(pt(0, 0, 0), pt(0, 0, 0), pt(0, 0, 0)))).toBe(0);
  });

  it('stays in [0, 1] for points far apart', () => {
    const far = keypointOks(pose(pt(0, 0), pt(0.1, 0.1)), pose(pt(1, 1), pt(0.9, 0.9)));
    expect(far).toBeGreaterThanOrEqual(0);
    expect(far).toBeLessThan(1e-6);
  });

  it('refuses different skeletons and non-positive sigmas', () => {
    expect(() => keypointOks(a, pose(pt(0.2, 0.2), pt(0.6, 0.5)))).toThrow(RangeError);
    expect(() => keypointOks(a, b, { defaultSigma: 0 })).toThrow(RangeError);
    expect(() => keypointOks(a, b, { sigmas: [0.05, -0.1, 0.05] })).toThrow(RangeError);
    expect(() => keypointOks(a, b, { defaultSigma: Number.NaN })).toThrow(RangeError);
  });
});
