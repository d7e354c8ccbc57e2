import { describe, expect, it } from 'vitest';
import { jensenShannon } from './label-shift';

describe('jensenShannon (base 2)', () => {
  it('is 0 for the same distribution, whatever the counts', () => {
    expect(jensenShannon({ a: 1, b: 1 }, { a: 1, b: 1 })).toBe(0);
    expect(jensenShannon({ a: 2, b: 6, c: 2 }, { a: 1, b: 3, c: 1 })).toBeCloseTo(0, 15);
  });

  it('is 1 for disjoint distributions', () => {
    // p = (1, 0), q = (0, 1), m = (½, ½): ½ · 1 · log2(1/½) + ½ · 1 · log2(1/½) = 1.
    expect(jensenShannon({ a: 1 }, { b: 1 })).toBe(1);
    expect(jensenShannon({ a: 5, b: 2 }, { c: 3, d: 9 })).toBe(1);
  });

  it('matches a value computed by hand', () => {
    // p = (½, ½), q = (¾, ¼), m = (⅝, ⅜).
    // JS = H(m) − (H(p) + H(q)) / 2 = 0.954434002924965 − (1 + 0.8112781244591328) / 2 = 0.0487949406953986.
    expect(jensenShannon({ a: 1, b: 1 }, { a: 3, b: 1 })).toBeCloseTo(0.0487949406953986, 10);
    // p = (1, 0), q = (½, ½), m = (¾, ¼): JS = H(m) − (0 + 1) / 2 = 0.8112781244591328 − 0.5 = 0.3112781244591328.
    expect(jensenShannon({ a: 40 }, { a: 80, b: 80 })).toBeCloseTo(0.3112781244591328, 10);
  });

  it('is symmetric', () => {
    expect(jensenShannon({ a: 3, b: 1 }, { a: 1, b: 1 })).toBe(jensenShannon({ a: 1, b: 1 }, { a: 3, b: 1 }));
  });

  it('is invariant to scaling the counts', () => {
    const p = { a: 1, b: 2 };
    const q = { a: 2, b: 1, c: 4 };
    const once = jensenShannon(p, q);
    // Same shares exactly (10/30 and 1/3 round to the same double), so the same result bit for bit.
    expect(jensenShannon({ a: 10, b: 20 }, { a: 20, b: 10, c: 40 })).toBe(once);
    expect(jensenShannon(p, { a: 200, b: 100, c: 400 })).toBe(once);
  });

  it('treats a key missing on one side as a zero count', () => {
    // A new class c on one side only: same as an explicit 0.
    expect(jensenShannon({ a: 1, b: 1 }, { a: 1, b: 1, c: 2 })).toBe(jensenShannon({ a: 1, b: 1, c: 0 }, { a: 1, b: 1, c: 2 }));
    // p = (½, ½, 0), q = (¼, ¼, ½), m = (⅜, ⅜, ¼):
    // H(m) = 2 · ⅜ · log2(8/3) + ¼ · 2 = 1.561278124459133; H(p) = 1, H(q) = 1.5;
    // JS = 1.561278124459133 − 1.25 = 0.311278124459133.
    expect(jensenShannon({ a: 1, b: 1 }, { a: 1, b: 1, c: 2 })).toBeCloseTo(0.311278124459133, 10);
    // Zero counts on both sides change nothing.
    expect(jensenShannon({ a: 1, b: 1, z: 0 }, { a: 3, b: 1, z: 0 })).toBeCloseTo(0.0487949406953986, 10);
  });

  it('refuses an empty or all-zero distribution, and negative or non-numeric counts', () => {
    expect(() => jensenShannon({}, { a: 1 })).toThrow(RangeError);
    expect(() => jensenShannon({ a: 1 }, {})).toThrow(RangeError);
    expect(() => jensenShannon({ a: 0, b: 0 }, { a: 1 })).toThrow(RangeError);
    expect(() => jensenShannon({ a: -1, b: 2 }, { a: 1 })).toThrow(RangeError);
    expect(() => jensenShannon({ a: Number.NaN }, { a: 1 })).toThrow(RangeError);
    // An infinite count made every share Infinity/Infinity = NaN and the divergence NaN.
    expect(() => jensenShannon({ a: Number.POSITIVE_INFINITY, b: 1 }, { a: 1, b: 1 })).toThrow(RangeError);
  });
});
