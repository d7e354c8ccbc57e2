import { describe, expect, it } from 'vitest';
import type { TPairUnit } from '../schemas/quality';
import { seededRandom } from '../seeded-random';
import { summarizeItem, tally, type UnitKey } from './item-summary';

const random = seededRandom(3);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const PEOPLE = ['ann', 'bob', 'cy'];
const CLASSES = ['car', 'bus', null];

const units: TPairUnit[] = Array.from({ length: 400 }, (_, i) => {
  const [a, b] = [pick(PEOPLE), pick(PEOPLE)].sort() as [string, string];
  return {
    family: i % 3 ? 'regions' : 'classification',
    a,
    b,
    ca: pick(CLASSES),
    cb: pick(CLASSES),
    ra: null,
    rb: null,
    score: null,
  };
});

describe('an item summary', () => {
  const summary = summarizeItem('2026-11-02', PEOPLE, units);

  it('is far smaller than the units and keeps the week and annotators', () => {
    // At most one entry per family × annotator pair (6 with repeats) × class pair (9).
    expect(summary.counts.length).toBeLessThanOrEqual(2 * 6 * 9);
    expect(summary).toMatchObject({ week: '2026-11-02', annotators: PEOPLE });
    expect(summary.counts.reduce((n, c) => n + c[5], 0)).toBe(units.length);
  });

  it.each<[string, (u: UnitKey) => boolean]>([
    ['everything', () => true],
    ['one family', (u) => u.family === 'regions'],
    ['one pair', (u) => u.a === 'ann' && u.b === 'cy'],
    ['one annotator', (u) => u.a === 'bob' || u.b === 'bob'],
    ['one class on either side', (u) => u.ca === 'bus' || u.cb === 'bus'],
  ])('counts the same units and disagreements as the units themselves: %s', (_, keep) => {
    const kept = units.filter(keep);
    expect(tally(summary, keep)).toEqual({ units: kept.length, disagreements: kept.filter((u) => u.ca !== u.cb).length });
  });
});
