import { describe, expect, it } from 'vitest';
import { classIndexById, formatNumber, pixelSize, safeBase, textLines } from './text-format';
import { taxonomyClass } from './test-fixtures';

describe('formatNumber', () => {
  it('writes at most 6 decimals, trimmed, without exponent or negative zero', () => {
    expect(formatNumber(0.5)).toBe('0.5');
    expect(formatNumber(1)).toBe('1');
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(2 / 3)).toBe('0.666667');
    expect(formatNumber(1e-7)).toBe('0');
    expect(formatNumber(-1e-9)).toBe('0');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1234567.125, 2)).toBe('1234567.13');
    expect(formatNumber(1e20)).toBe('100000000000000000000');
  });

  it('refuses values no format can hold', () => {
    expect(() => formatNumber(Number.NaN)).toThrow(RangeError);
    expect(() => formatNumber(Infinity)).toThrow(RangeError);
  });
});

describe('helpers', () => {
  it('ends every line with \\n and writes nothing for no lines', () => {
    expect(textLines(['a', 'b'])).toBe('a\nb\n');
    expect(textLines([])).toBe('');
  });

  it('numbers classes by taxonomy position', () => {
    const map = classIndexById([taxonomyClass('car', 'Car'), taxonomyClass('bus', 'Bus')]);
    expect([map.get('car'), map.get('bus'), map.get('van')]).toEqual([0, 1, undefined]);
  });

  it('accepts generated media names and refuses anything that could leave its folder', () => {
    expect(safeBase({ mediaName: '000017-3fa9c2e1b0aa.jpg' })).toBe('000017-3fa9c2e1b0aa');
    for (const mediaName of ['../x.jpg', 'a/b.jpg', '...jpg', 'a\\b.jpg', '.hidden.jpg', '']) {
      expect(() => safeBase({ mediaName }), mediaName).toThrow(RangeError);
    }
  });

  it('needs a positive integer size', () => {
    expect(pixelSize({ width: 640, height: 480 })).toEqual({ width: 640, height: 480 });
    expect(pixelSize({ width: null, height: 480 })).toBeNull();
    expect(pixelSize({ width: 0, height: 480 })).toBeNull();
    expect(pixelSize({ width: 10.5, height: 480 })).toBeNull();
  });
});
