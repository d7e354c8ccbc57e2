import { describe, expect, it } from 'vitest';
import { ZSplitConfigSchema } from '@/lib/schemas/snapshot';
import { assignSplits, splitHash } from './assign-splits';

const config = (extra: Record<string, unknown> = {}) => ZSplitConfigSchema.parse({ seed: 's1', ...extra });
const items = (n: number, stratum = (i: number) => (i % 10 === 0 ? 'rare' : 'common')) =>
  Array.from({ length: n }, (_, i) => ({ assetId: `asset-${i}`, stratum: stratum(i) }));

describe('assignSplits', () => {
  it('is deterministic, follows the ratios, and keeps an item in its split when others are added', () => {
    const first = assignSplits(items(5000), config());
    expect(assignSplits(items(5000), config())).toEqual(first);
    const share = (s: string) => first.filter((x) => x === s).length / first.length;
    expect(share('train')).toBeCloseTo(0.8, 1);
    expect(share('val')).toBeCloseTo(0.1, 1);
    expect(share('test')).toBeCloseTo(0.1, 1);
    expect(assignSplits(items(6000), config()).slice(0, 5000)).toEqual(first);
  });

  it('another seed gives another split', () => {
    const a = assignSplits(items(1000), config());
    const b = assignSplits(items(1000), config({ seed: 's2' }));
    expect(a.filter((s, i) => s !== b[i]).length).toBeGreaterThan(100);
  });

  it('stratified, every stratum gets the ratios (within one item)', () => {
    const list = items(1000);
    const splits = assignSplits(list, config({ stratified: true }));
    const rare = splits.filter((_, i) => list[i]!.stratum === 'rare');
    expect(rare).toHaveLength(100);
    expect(rare.filter((s) => s === 'train').length).toBe(80);
    expect(rare.filter((s) => s === 'val').length).toBe(10);
    expect(rare.filter((s) => s === 'test').length).toBe(10);
  });

  it('honours a ratio of 0 and a single-item stratum', () => {
    const splits = assignSplits(items(200), config({ train: 0.5, val: 0, test: 0.5 }));
    expect(splits).not.toContain('val');
    expect(assignSplits([{ assetId: 'only', stratum: 'x' }], config({ stratified: true }))).toEqual(['train']);
  });

  it('hashes into [0, 1)', () => {
    for (let i = 0; i < 100; i++) {
      const u = splitHash('seed', `a${i}`);
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
  });
});
