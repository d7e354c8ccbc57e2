// Chance-corrected agreement between annotators. Data are data[coder][unit] with null for a missing rating.
// Every function either returns a finite number or throws: AgreementUndefinedError when the statistic is 0/0
// (nothing pairable, or no variation at all, where Krippendorff and Cohen leave the coefficient undefined),
// RangeError/TypeError when the input itself is malformed. Reports catch the former and show "not computable".

export type Rating = string | number | null;
export type KappaWeights = 'none' | 'linear' | 'quadratic';
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export class AgreementUndefinedError extends Error {
  constructor(reason: string) {
    super(`Agreement is undefined: ${reason}`);
    this.name = 'AgreementUndefinedError';
  }
}

function unitCount(data: readonly (readonly Rating[])[]): number {
  const units = data[0]?.length ?? 0;
  if (data.some((row) => row.length !== units)) throw new RangeError('Every coder needs one rating (or null) per unit');
  return units;
}

/** Numbers ascending, then strings ascending: the default order of categories for weighted kappa. */
function sortedCategories(values: Iterable<string | number>): (string | number)[] {
  return [...new Set(values)].sort((a, b) => {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'number') return -1;
    if (typeof b === 'number') return 1;
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/**
 * Share of agreeing coder pairs within a unit, averaged over units with at least two ratings (Fleiss's P̄);
 * with two coders this is the plain share of units on which they agree.
 */
export function percentAgreement(data: readonly (readonly Rating[])[]): number {
  const units = unitCount(data);
  let total = 0;
  let pairable = 0;
  for (let u = 0; u < units; u++) {
    const counts = new Map<string | number, number>();
    let m = 0;
    for (const row of data) {
      const value = row[u];
      if (value === null || value === undefined) continue;
      counts.set(value, (counts.get(value) ?? 0) + 1);
      m++;
    }
    if (m < 2) continue;
    let agreeing = 0;
    for (const n of counts.values()) agreeing += n * (n - 1);
    total += agreeing / (m * (m - 1));
    pairable++;
  }
  if (pairable === 0) throw new AgreementUndefinedError('no unit has two ratings');
  return total / pairable;
}

function kappaWeight(i: number, j: number, k: number, weights: KappaWeights): number {
  if (weights === 'none') return i === j ? 1 : 0;
  const distance = Math.abs(i - j) / (k - 1);
  return weights === 'linear' ? 1 - distance : 1 - distance * distance;
}

/**
 * Cohen's kappa for two coders, optionally weighted by the distance between the positions of the two ratings in
 * the ordered category list. Units where either rating is missing are dropped.
 */
export function cohenKappa(
  a: readonly Rating[],
  b: readonly Rating[],
  opts: { weights?: KappaWeights; categories?: (string | number)[] } = {},
): number {
  if (a.length !== b.length) throw new RangeError('Both coders need one rating (or null) per unit');
  const pairs: [string | number, string | number][] = [];
  a.forEach((x, u) => {
    const y = b[u];
    if (x !== null && y !== null && y !== undefined) pairs.push([x, y]);
  });
  if (pairs.length === 0) throw new AgreementUndefinedError('no unit was rated by both coders');
  const categories = opts.categories ?? sortedCategories(pairs.flat());
  const position = new Map(categories.map((c, i) => [c, i]));
  if (position.size !== categories.length) throw new RangeError('Categories must be distinct');
  const k = categories.length;
  const indexOf = (value: string | number) => {
    const i = position.get(value);
    if (i === undefined) throw new RangeError(`Rating ${JSON.stringify(value)} is not one of the categories`);
    return i;
  };
  const joint = new Float64Array(k * k);
  const rowShare = new Float64Array(k);
  const colShare = new Float64Array(k);
  const share = 1 / pairs.length;
  for (const [x, y] of pairs) {
    const i = indexOf(x);
    const j = indexOf(y);
    joint[i * k + j]! += share;
    rowShare[i]! += share;
    colShare[j]! += share;
  }
  const weights = opts.weights ?? 'none';
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = k === 1 ? 1 : kappaWeight(i, j, k, weights);
      observed += w * joint[i * k + j]!;
      expected += w * rowShare[i]! * colShare[j]!;
    }
  }
  // Expected agreement 1 means both coders used one and the same category throughout: kappa is 0/0.
  if (expected >= 1 - 1e-12) throw new AgreementUndefinedError('both coders used a single, identical category');
  return (observed - expected) / (1 - expected);
}

/** Fleiss's kappa from counts[unit][category]: how many raters put the unit in the category (same total per unit). */
export function fleissKappa(counts: readonly (readonly number[])[]): number {
  const k = counts[0]?.length ?? 0;
  const raters = counts[0]?.reduce((sum, n) => sum + n, 0) ?? 0;
  if (counts.length === 0 || raters < 2) throw new AgreementUndefinedError('needs at least one unit and two raters per unit');
  const categoryTotals = new Float64Array(k);
  let meanUnitAgreement = 0;
  for (const row of counts) {
    if (row.length !== k) throw new RangeError('Every unit needs a count for every category');
    if (row.some((n) => !Number.isInteger(n) || n < 0)) throw new RangeError('Counts must be non-negative integers');
    if (row.reduce((sum, n) => sum + n, 0) !== raters) throw new RangeError('Every unit needs the same number of raters');
    let squares = 0;
    row.forEach((n, j) => {
      squares += n * n;
      categoryTotals[j]! += n;
    });
    meanUnitAgreement += (squares - raters) / (raters * (raters - 1)) / counts.length;
  }
  let expected = 0;
  for (const total of categoryTotals) expected += (total / (counts.length * raters)) ** 2;
  if (expected >= 1 - 1e-12) throw new AgreementUndefinedError('every rating is in one category');
  return (meanUnitAgreement - expected) / (1 - expected);
}

/**
 * Encodes every rating as a category index (unit-major, -1 = missing) so the coincidence matrix is built from
 * typed arrays in one pass instead of from pairs of values.
 */
function encodeRatings(data: readonly (readonly Rating[])[], units: number) {
  const coders = data.length;
  const index = new Map<string | number, number>();
  const values: (string | number)[] = [];
  const codes = new Int32Array(units * coders);
  for (let c = 0; c < coders; c++) {
    const row = data[c]!;
    for (let u = 0; u < units; u++) {
      const value = row[u];
      let code = -1;
      if (value !== null && value !== undefined) {
        code = index.get(value) ?? -1;
        if (code < 0) {
          code = values.length;
          index.set(value, code);
          values.push(value);
        }
      }
      codes[u * coders + c] = code;
    }
  }
  return { codes, values };
}

/** Krippendorff's coincidence matrix o[c][k]: each unit with m ≥ 2 values adds n_uc·(n_uk − [c = k])/(m − 1). */
function coincidences(codes: Int32Array, coders: number, k: number): Float64Array {
  const matrix = new Float64Array(k * k);
  const unitCounts = new Float64Array(k);
  const present = new Int32Array(coders);
  for (let start = 0; start < codes.length; start += coders) {
    let m = 0;
    let distinct = 0;
    for (let c = 0; c < coders; c++) {
      const code = codes[start + c]!;
      if (code < 0) continue;
      if (unitCounts[code] === 0) present[distinct++] = code;
      unitCounts[code]!++;
      m++;
    }
    for (let i = 0; m >= 2 && i < distinct; i++) {
      const ci = present[i]!;
      const ni = unitCounts[ci]!;
      for (let j = 0; j < distinct; j++) {
        const cj = present[j]!;
        matrix[ci * k + cj]! += (ni * (unitCounts[cj]! - (ci === cj ? 1 : 0))) / (m - 1);
      }
    }
    for (let i = 0; i < distinct; i++) unitCounts[present[i]!] = 0;
  }
  return matrix;
}

/** Squared distance δ²(c, k) between the values of every pair of categories, per Krippendorff (2011). */
function squaredDistances(values: (string | number)[], marginals: Float64Array, level: AlphaLevel): Float64Array {
  const k = values.length;
  const distances = new Float64Array(k * k);
  if (level === 'nominal') {
    for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) distances[i * k + j] = i === j ? 0 : 1;
    return distances;
  }
  if (values.some((v) => typeof v !== 'number')) throw new TypeError(`${level} alpha needs numeric ratings`);
  const numbers = values as number[];
  if (level === 'ratio' && numbers.some((v) => v < 0)) throw new RangeError('ratio alpha needs non-negative ratings');
  // Ordinal distance counts how many pairable values lie between c and k: (Σ_{g=c..k} n_g − (n_c + n_k)/2)².
  const rank = numbers.map((_, i) => i).sort((i, j) => numbers[i]! - numbers[j]!);
  const cumulative = new Float64Array(k + 1);
  const position = new Int32Array(k);
  rank.forEach((category, r) => {
    position[category] = r;
    cumulative[r + 1] = cumulative[r]! + marginals[category]!;
  });
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const a = numbers[i]!;
      const b = numbers[j]!;
      let d: number;
      if (level === 'interval') d = a - b;
      else if (level === 'ratio') d = a + b === 0 ? 0 : (a - b) / (a + b);
      else {
        const lo = Math.min(position[i]!, position[j]!);
        const hi = Math.max(position[i]!, position[j]!);
        d = cumulative[hi + 1]! - cumulative[lo]! - (marginals[i]! + marginals[j]!) / 2;
      }
      distances[i * k + j] = d * d;
    }
  }
  return distances;
}

/**
 * Krippendorff's alpha, 1 − D_o/D_e, over any number of coders with missing ratings. Ordinal, interval and ratio
 * levels need numeric ratings. Undefined (throws AgreementUndefinedError) when no unit has two ratings or when all
 * pairable ratings are equal, following Krippendorff (2011): such data show no variation, so α = 0/0.
 */
export function krippendorffAlpha(data: readonly (readonly Rating[])[], level: AlphaLevel): number {
  const units = unitCount(data);
  const { codes, values } = encodeRatings(data, units);
  const k = values.length;
  const observed = coincidences(codes, data.length, k);
  const marginals = new Float64Array(k);
  let n = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) marginals[i]! += observed[i * k + j]!;
    n += marginals[i]!;
  }
  if (n === 0) throw new AgreementUndefinedError('no unit has two ratings');
  const distances = squaredDistances(values, marginals, level);
  let disagreement = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      disagreement += observed[i * k + j]! * distances[i * k + j]!;
      expected += marginals[i]! * marginals[j]! * distances[i * k + j]!;
    }
  }
  if (expected === 0) throw new AgreementUndefinedError('all pairable ratings are equal');
  return 1 - ((n - 1) * disagreement) / expected;
}
