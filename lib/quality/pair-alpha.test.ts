import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import { krippendorffAlpha } from './agreement';
import { intervalEstimate, nominalAlpha, nominalEstimates, oneVsRestAlpha, type NominalCluster } from './pair-alpha';

function randomRatings(seed: number, coders: number, units: number, categories: number) {
  const random = seededRandom(seed);
  return Array.from({ length: coders }, () => Array.from({ length: units }, () => Math.floor(random() * categories)));
}

/** Every pair of coders of every unit, one cluster per unit. */
function pairClusters(data: number[][]): NominalCluster[] {
  return data[0]!.map((_, u) => {
    const pairs: [number, number, number][] = [];
    for (let i = 0; i < data.length; i++) {
      for (let j = i + 1; j < data.length; j++) pairs.push([data[i]![u]!, data[j]![u]!, 1 / (data.length - 1)]);
    }
    return pairs;
  });
}

describe('α over pair units', () => {
  it('equals Krippendorff’s α computed directly, for two and for three coders per unit', () => {
    for (const coders of [2, 3]) {
      const data = randomRatings(coders, coders, 300, 4).map((row, c) =>
        row.map((v, u) => (u % 3 === 0 ? row[u]! : c === 0 ? v : data0(u, v))),
      );
      const [estimate] = nominalEstimates(pairClusters(data), 4);
      expect(estimate!.value).toBeCloseTo(krippendorffAlpha(data, 'nominal'), 10);
    }
    function data0(u: number, v: number) {
      return u % 2 === 0 ? v : (v + 1) % 4;
    }
  });

  it('one-vs-rest α is the α of the data recoded to "this class or not"', () => {
    const data = randomRatings(7, 2, 500, 3);
    const [, forOne] = nominalEstimates(pairClusters(data), 3, [1]);
    const recoded = data.map((row) => row.map((v) => (v === 1 ? 'yes' : 'no')));
    expect(forOne!.value).toBeCloseTo(krippendorffAlpha(recoded, 'nominal'), 10);
  });

  it('interval α matches Krippendorff’s interval α', () => {
    const random = seededRandom(3);
    const a = Array.from({ length: 200 }, () => Math.round(random() * 10));
    const b = a.map((v) => v + Math.round((random() - 0.5) * 4));
    const estimate = intervalEstimate(a.map((v, i) => [[v, b[i]!]]));
    expect(estimate.value).toBeCloseTo(krippendorffAlpha([a, b], 'interval'), 10);
  });

  it('says why instead of returning NaN: no units, or one category throughout', () => {
    expect(nominalAlpha(new Float64Array(4), 2)).toEqual({ value: null, reason: expect.stringMatching(/two annotators/) });
    expect(nominalAlpha([4, 0, 0, 0], 2)).toEqual({ value: null, reason: expect.stringMatching(/same category/) });
    expect(oneVsRestAlpha([0, 0, 0, 6], 2, 0).value).toBeNull();
    const [estimate] = nominalEstimates([], 3);
    expect(estimate).toEqual({ value: null, low: null, high: null, units: 0, undefinedReason: expect.any(String) });
  });

  it('gives a seeded interval around the estimate, narrower with more items', () => {
    const small = pairClusters(
      randomRatings(11, 2, 40, 2).map((row, c) => (c === 0 ? row : row.map((v, u) => (u % 4 === 0 ? 1 - v : v)))),
    );
    const large = pairClusters(
      randomRatings(11, 2, 2000, 2).map((row, c) => (c === 0 ? row : row.map((v, u) => (u % 4 === 0 ? 1 - v : v)))),
    );
    const [s] = nominalEstimates(small, 2);
    const [again] = nominalEstimates(small, 2);
    const [l] = nominalEstimates(large, 2);
    expect(s).toEqual(again);
    expect(s!.low!).toBeLessThanOrEqual(s!.value!);
    expect(s!.high!).toBeGreaterThanOrEqual(s!.value!);
    expect(l!.high! - l!.low!).toBeLessThan(s!.high! - s!.low!);
  });
});
