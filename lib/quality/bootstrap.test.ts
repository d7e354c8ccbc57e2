import { describe, expect, it } from 'vitest';
import { AgreementUndefinedError, cohenKappa, krippendorffAlpha, type Rating } from './agreement';
import { seededRandom } from '../seeded-random';
import { bootstrapInterval } from './bootstrap';

const nominalAlpha = (data: Rating[][]) => krippendorffAlpha(data, 'nominal');
const kappa = (data: Rating[][]) => cohenKappa(data[0]!, data[1]!);

/** Two coders who agree on a unit with probability `agreement`, otherwise the second picks one of 4 labels at random. */
function simulatedCoders(units: number, agreement: number, seed: number): Rating[][] {
  const random = seededRandom(seed);
  const a: Rating[] = [];
  const b: Rating[] = [];
  for (let u = 0; u < units; u++) {
    const label = Math.floor(random() * 4);
    a.push(label);
    b.push(random() < agreement ? label : Math.floor(random() * 4));
  }
  return [a, b];
}

describe('bootstrapInterval', () => {
  const data = simulatedCoders(200, 0.7, 42);

  it('is reproducible for a seed and changes with the seed', () => {
    const first = bootstrapInterval(data, nominalAlpha, { samples: 300, seed: 7 });
    expect(bootstrapInterval(data, nominalAlpha, { samples: 300, seed: 7 })).toEqual(first);
    expect(bootstrapInterval(data, nominalAlpha, { samples: 300, seed: 8 }).lower).not.toBe(first.lower);
  });

  it('brackets the estimate for α and κ, and a wider confidence gives a wider interval', () => {
    for (const statistic of [nominalAlpha, kappa]) {
      const ci95 = bootstrapInterval(data, statistic, { samples: 500 });
      const ci80 = bootstrapInterval(data, statistic, { samples: 500, confidence: 0.8 });
      expect(ci95.estimate).toBeCloseTo(statistic(data), 12);
      expect(ci95.lower).toBeLessThan(ci95.estimate);
      expect(ci95.upper).toBeGreaterThan(ci95.estimate);
      expect(ci95.upper - ci95.lower).toBeGreaterThan(ci80.upper - ci80.lower);
    }
  });

  it('resamples units: the interval narrows as the number of units grows', () => {
    const width = (units: number) => {
      const ci = bootstrapInterval(simulatedCoders(units, 0.7, 3), nominalAlpha, { samples: 400 });
      return ci.upper - ci.lower;
    };
    expect(width(1600)).toBeLessThan(width(100) / 2);
  });

  it('leaves out resamples where the statistic is undefined, says how many counted, and throws when the data has none', () => {
    // Two units in perfect agreement: a resample drawing one unit twice has no variation, so α is 0/0 there.
    const ci = bootstrapInterval(
      [
        ['cat', 'dog'],
        ['cat', 'dog'],
      ],
      nominalAlpha,
      { samples: 200 },
    );
    expect(ci).toMatchObject({ estimate: 1, lower: 1, upper: 1 });
    expect(ci.samples).toBeGreaterThan(50);
    expect(ci.samples).toBeLessThan(150);
    expect(() => bootstrapInterval([['cat'], ['cat']], nominalAlpha)).toThrow(AgreementUndefinedError);
  });

  it('rejects a confidence outside (0, 1)', () => {
    expect(() => bootstrapInterval(data, nominalAlpha, { confidence: 95 })).toThrow(RangeError);
  });
});
