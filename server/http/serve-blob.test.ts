import { describe, expect, it } from 'vitest';
import { parseRange } from './serve-blob';

describe('parseRange', () => {
  it('reads the three single-range forms, clamping an end past the size', () => {
    expect(parseRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=50-500', 100)).toEqual({ start: 50, end: 99 });
  });

  it('no header or several ranges: the whole body', () => {
    expect(parseRange(null, 100)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 100)).toBeNull();
  });

  it('unsatisfiable or malformed: 416', () => {
    for (const header of ['bytes=100-', 'bytes=5-2', 'bytes=-0', 'bytes=-', 'bytes=a-b', 'items=0-1']) {
      expect(parseRange(header, 100)).toBe('unsatisfiable');
    }
    expect(parseRange('bytes=0-0', 0)).toBe('unsatisfiable');
  });
});
