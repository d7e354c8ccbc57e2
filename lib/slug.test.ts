import { describe, expect, it } from 'vitest';
import { firstFree, slugify } from './slug';

describe('slugify', () => {
  it('folds accents and punctuation into dashes, trims, caps the length', () => {
    expect(slugify('  Café — Rue Nº 5! ', 40, 'x')).toBe('cafe-rue-no-5');
    expect(slugify('a'.repeat(10) + ' b', 10, 'x')).toBe('aaaaaaaaaa');
    expect(slugify('abcdefghi-jk', 10, 'x')).toBe('abcdefghi');
  });
  it('falls back when nothing is left', () => {
    expect(slugify('!!!', 40, 'project')).toBe('project');
  });
});

describe('firstFree', () => {
  it('returns the base or the first free numbered variant', () => {
    expect(firstFree('car', new Set())).toBe('car');
    expect(firstFree('car', new Set(['car', 'car-2']))).toBe('car-3');
  });
});
