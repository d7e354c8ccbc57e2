import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('gives the same bytes whatever the key order, at every depth', () => {
    const a = { b: 1, a: { d: [{ y: 1, x: 2 }], c: 'z' } };
    const b = { a: { c: 'z', d: [{ x: 2, y: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"c":"z","d":[{"x":2,"y":1}]},"b":1}');
  });

  it('keeps array order and drops undefined fields like JSON.stringify', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
  });
});

describe('canonicalJson against JSON.stringify of a key-sorted copy', () => {
  const sortedCopy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sortedCopy);
    if (value && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(entries.map(([k, v]) => [k, sortedCopy(v)]));
    }
    return value;
  };

  it.each([
    ['nested labels', { regions: [{ id: 'r1', type: 'bbox', x: 0.1, attributes: { z: true, a: 'é"\\n' } }], v: 2 }],
    ['edge values', { nan: NaN, inf: -Infinity, neg: -0, big: 1e21, small: 5e-7, empty: {}, list: [] }],
    ['undefined and functions', { a: [1, undefined, () => 1], b: () => 1, c: undefined, d: 'x' }],
    ['unicode keys', { é: 1, e: 2, E: 3, '10': 4, '9': 5 }],
    ['scalars', 'text'],
  ])('%s', (_name, value) => {
    expect(canonicalJson(value)).toBe(JSON.stringify(sortedCopy(value)));
  });
});
