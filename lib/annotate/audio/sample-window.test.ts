import { describe, expect, it } from 'vitest';
import { sampleGain, sampleWindow } from './sample-window';

describe('sampleWindow', () => {
  it('sends every sample when there are at most two per pixel', () => {
    const w = sampleWindow(new Float32Array([0, 0.5, -0.25, 1]), 48_000, 1.5, 2);
    expect(w).toEqual({ sampleRate: 48_000, start: 1.5, kind: 'samples', samplesPerPoint: 1, data: [0, 0.5, -0.25, 1] });
  });

  it('folds more samples into the min and max of each pixel, covering every sample once', () => {
    const samples = new Float32Array(10).map((_, i) => (i % 2 ? i / 10 : -i / 10));
    const w = sampleWindow(samples, 8_000, 0, 4);
    expect(w.kind).toBe('minmax');
    expect(w.samplesPerPoint).toBe(2.5);
    // points cover samples [0,2) [2,5) [5,7) [7,10)
    expect(w.data).toEqual([-0, 0.1, -0.4, 0.3, -0.6, 0.5, -0.8, 0.9]);
  });

  it('rounds to 1e-5, finer than a 16-bit step', () => {
    expect(sampleWindow(new Float32Array([0.123456789]), 16_000, 0, 10).data).toEqual([0.12346]);
  });
});

describe('sampleGain', () => {
  const gain = (data: number[]) => sampleGain({ sampleRate: 8000, start: 0, kind: 'samples', samplesPerPoint: 1, data });

  it('scales the loudest sample to 90% of the view', () => {
    expect(gain([0.1, -0.3, 0.2])).toBeCloseTo(3);
  });

  it('leaves silence and full-scale windows as they are', () => {
    expect(gain([0.0001, -0.0005])).toBe(1);
    expect(gain([0.99, -1])).toBe(1);
  });
});
