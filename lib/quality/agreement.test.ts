import { describe, expect, it } from 'vitest';
import { AgreementUndefinedError, cohenKappa, fleissKappa, krippendorffAlpha, percentAgreement, type Rating } from './agreement';

// Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability, section C ("nominal data, any number of
// observers, missing values"): 4 observers × 12 units. Published: nominal α = 0.743, ordinal 0.815, interval 0.849,
// ratio 0.797 (also the "C" data of R irr::kripp.alpha / DescTools::KrippAlpha).
const _ = null;
const krippendorff2011: Rating[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];

// Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories; P̄ = 0.378, P̄e = 0.213, κ = 0.210.
const fleissWikipedia = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];

/** Two coders' ratings from a contingency table (rows: first coder's category, columns: second coder's). */
function ratingsFromTable(table: number[][], categories: (string | number)[]): [Rating[], Rating[]] {
  const a: Rating[] = [];
  const b: Rating[] = [];
  table.forEach((row, i) =>
    row.forEach((n, j) => {
      for (let t = 0; t < n; t++) {
        a.push(categories[i]!);
        b.push(categories[j]!);
      }
    }),
  );
  return [a, b];
}

/** data[rater][unit] from Fleiss counts[unit][category]: rater r of a unit takes the category its count covers. */
function ratingsFromCounts(counts: number[][]): Rating[][] {
  const raters = counts[0]!.reduce((s, n) => s + n, 0);
  const data: Rating[][] = Array.from({ length: raters }, () => []);
  counts.forEach((row) => {
    let r = 0;
    row.forEach((n, category) => {
      for (let t = 0; t < n; t++) data[r++]!.push(category);
    });
  });
  return data;
}

describe('krippendorffAlpha', () => {
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ] as const)('reproduces Krippendorff (2011): %s α = %s', (level, published) => {
    expect(krippendorffAlpha(krippendorff2011, level)).toBeCloseTo(published, 3);
  });

  it('is 1 for perfect agreement with variation, and ignores units with a single rating', () => {
    expect(
      krippendorffAlpha(
        [
          ['a', 'b', 'c', 'x'],
          ['a', 'b', 'c', _],
        ],
        'nominal',
      ),
    ).toBe(1);
  });

  it('treats strings and numbers as categories at the nominal level', () => {
    const asStrings = krippendorff2011.map((row) => row.map((v) => (v === null ? null : `v${v}`)));
    expect(krippendorffAlpha(asStrings, 'nominal')).toBeCloseTo(krippendorffAlpha(krippendorff2011, 'nominal'), 12);
  });

  it('is undefined without variation or without pairable units, instead of NaN', () => {
    expect(() =>
      krippendorffAlpha(
        [
          [1, 1, 1],
          [1, 1, _],
        ],
        'nominal',
      ),
    ).toThrow(AgreementUndefinedError);
    expect(() =>
      krippendorffAlpha(
        [
          [1, _],
          [_, 2],
        ],
        'interval',
      ),
    ).toThrow(AgreementUndefinedError);
    expect(() => krippendorffAlpha([], 'nominal')).toThrow(AgreementUndefinedError);
  });

  it('rejects non-numeric ratings above the nominal level and ragged data', () => {
    expect(() =>
      krippendorffAlpha(
        [
          ['low', 'high'],
          ['low', 'low'],
        ],
        'ordinal',
      ),
    ).toThrow(TypeError);
    expect(() =>
      krippendorffAlpha(
        [
          [1, -2],
          [1, 2],
        ],
        'ratio',
      ),
    ).toThrow(RangeError);
    expect(() => krippendorffAlpha([[1, 2], [1]], 'nominal')).toThrow(RangeError);
  });
});

describe('fleissKappa', () => {
  it('reproduces the Wikipedia worked example: κ = 0.210', () => {
    expect(fleissKappa(fleissWikipedia)).toBeCloseTo(0.21, 3);
  });

  it('rejects units with different numbers of raters and is undefined when every rating is one category', () => {
    expect(() =>
      fleissKappa([
        [1, 1],
        [2, 1],
      ]),
    ).toThrow(RangeError);
    expect(() =>
      fleissKappa([
        [3, 0],
        [3, 0],
      ]),
    ).toThrow(AgreementUndefinedError);
  });
});

describe('percentAgreement', () => {
  it("equals Fleiss's P̄ = 0.378 on the Wikipedia example and the plain share for two coders", () => {
    expect(percentAgreement(ratingsFromCounts(fleissWikipedia))).toBeCloseTo(0.378, 3);
    expect(
      percentAgreement(
        ratingsFromTable(
          [
            [20, 5],
            [10, 15],
          ],
          ['yes', 'no'],
        ),
      ),
    ).toBeCloseTo(0.7, 12);
  });

  it('skips units with fewer than two ratings and is undefined when none has two', () => {
    expect(
      percentAgreement([
        ['a', 'b', 'c'],
        ['a', 'c', _],
      ]),
    ).toBe(0.5);
    expect(() =>
      percentAgreement([
        ['a', _],
        [_, 'b'],
      ]),
    ).toThrow(AgreementUndefinedError);
  });
});

describe('cohenKappa', () => {
  // Wikipedia, "Cohen's kappa": 50 grant proposals, both yes 20, A yes/B no 5, A no/B yes 10, both no 15:
  // p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4.
  it('reproduces the Wikipedia example: κ = 0.4', () => {
    const [a, b] = ratingsFromTable(
      [
        [20, 5],
        [10, 15],
      ],
      ['yes', 'no'],
    );
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 12);
  });

  // Agresti, Categorical Data Analysis (2002), "sexual fun" table, husband (rows) × wife (columns), 91 couples, categories
  // never fun < fairly often < very often < almost always; R vcd::Kappa(SexualFun) prints unweighted 0.1293 and
  // weighted (equal spacing = linear) 0.2374. By hand: p_o = 33/91 = 0.36264, row shares (19, 20, 19, 33)/91, column
  // shares (12, 28, 18, 33)/91, p_e = (19·12 + 20·28 + 19·18 + 33·33)/91² = 2219/8281 = 0.26796, κ = 0.12933.
  // Linear: weighted p_o = 62.333/91 = 0.68498, p_e = 0.58693, κ_w = 0.23738. Quadratic: p_o = 0.81441,
  // p_e = 0.72215, κ_w = 0.33205.
  const sexualFun = [
    [7, 7, 2, 3],
    [2, 8, 3, 7],
    [1, 5, 4, 9],
    [2, 8, 9, 14],
  ];
  const [husband, wife] = ratingsFromTable(sexualFun, [1, 2, 3, 4]);

  it.each([
    ['none', 0.12933],
    ['linear', 0.23738],
    ['quadratic', 0.33205],
  ] as const)('reproduces the weighted kappa of the sexual fun table: %s κ = %s', (weights, published) => {
    expect(cohenKappa(husband, wife, { weights })).toBeCloseTo(published, 4);
  });

  it('weights by position in the given category order, not by value or alphabet', () => {
    const labels = ['never', 'fairly', 'very', 'always'];
    const [h, w] = ratingsFromTable(sexualFun, labels);
    expect(cohenKappa(h, w, { weights: 'linear', categories: labels })).toBeCloseTo(0.23738, 4);
    expect(cohenKappa(h, w, { weights: 'linear' })).not.toBeCloseTo(0.23738, 2);
  });

  it('drops units with a missing rating', () => {
    expect(cohenKappa([...husband, 1, _], [...wife, _, 4])).toBeCloseTo(0.12933, 4);
  });

  it('is undefined when both coders used one identical category, and rejects unknown ratings', () => {
    expect(() => cohenKappa(['a', 'a'], ['a', 'a'])).toThrow(AgreementUndefinedError);
    expect(() => cohenKappa(['a', 'a'], ['a', 'a'], { categories: ['a', 'b'], weights: 'linear' })).toThrow(
      AgreementUndefinedError,
    );
    expect(() => cohenKappa([_, 'a'], ['b', _])).toThrow(AgreementUndefinedError);
    expect(() => cohenKappa(['a', 'c'], ['a', 'b'], { categories: ['a', 'b'] })).toThrow(RangeError);
  });
});
