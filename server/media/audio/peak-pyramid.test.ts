import { describe, expect, it } from 'vitest';
import { choosePeakLevels } from './choose-peak-levels';
import { PeakPyramid } from './peak-pyramid';

describe('PeakPyramid', () => {
  it('keeps min/max per bucket at every level, across chunk boundaries, including a partial last bucket', () => {
    const pyramid = new PeakPyramid(1, [2, 4]);
    pyramid.push(Int16Array.from([1, -1, 5]));
    pyramid.push(Int16Array.from([3, -7, 0, 2]));
    const [fine, coarse] = pyramid.finish();
    expect(fine).toMatchObject({ samplesPerPixel: 2, length: 4 });
    expect(Array.from(fine!.data[0]!)).toEqual([-1, 1, 3, 5, -7, 0, 2, 2]);
    expect(coarse).toMatchObject({ samplesPerPixel: 4, length: 2 });
    expect(Array.from(coarse!.data[0]!)).toEqual([-1, 5, -7, 2]);
  });

  it('keeps stereo channels apart', () => {
    const pyramid = new PeakPyramid(2, [2]);
    pyramid.push(Int16Array.from([1, 10, 2, -20, 3, 30]));
    const [level] = pyramid.finish();
    expect(Array.from(level!.data[0]!)).toEqual([1, 2, 3, 3]);
    expect(Array.from(level!.data[1]!)).toEqual([-20, 10, 30, 30]);
  });

  it('refuses levels that are not multiples of the finer one', () => {
    expect(() => new PeakPyramid(1, [32, 100])).toThrow();
  });
});

describe('choosePeakLevels', () => {
  it('a 3-hour recording: nothing finer than 400k buckets, coarsest fits a screen', () => {
    expect(choosePeakLevels(3 * 3600 * 16_000)).toEqual([512, 2048, 8192, 32768, 131072]);
  });

  it('short recordings keep fine levels and stop at the first overview-sized one', () => {
    expect(choosePeakLevels(10 * 16_000)).toEqual([32, 128]);
    expect(choosePeakLevels(16_000)).toEqual([32]);
  });
});
