import { describe, expect, it } from 'vitest';
import { levelFor, overviewLevel } from './peak-level';

// A three-hour file's levels at 16 kHz: 2,048 samples a bucket is ~7.8 buckets a second.
const levels = [512, 2048, 8192, 32768, 131072].map((samplesPerPixel) => ({ samplesPerPixel, sampleRate: 16_000 }));

describe('peak level for a zoom', () => {
  it('takes the coarsest level with a bucket per device pixel', () => {
    expect(levelFor(levels, 0.1)?.samplesPerPixel).toBe(131072);
    expect(levelFor(levels, 7)?.samplesPerPixel).toBe(2048);
    expect(levelFor(levels, 7, 2)?.samplesPerPixel).toBe(512);
  });

  it('falls back to the finest level past its detail, and to none without levels', () => {
    expect(levelFor(levels, 5000)?.samplesPerPixel).toBe(512);
    expect(levelFor([], 10)).toBeNull();
  });

  it('starts from the coarsest level', () => {
    expect(overviewLevel(levels)?.samplesPerPixel).toBe(131072);
    expect(overviewLevel([])).toBeNull();
  });
});
