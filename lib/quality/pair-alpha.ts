import { seededRandom } from '../seeded-random';
import type { TEstimate } from '../schemas/quality';

// Krippendorff's α over pair units: a unit is one judgment pair (two annotators on one region or one
// item). Each pair adds its weight to the coincidences o[a][b] and o[b][a]: Krippendorff's 1/(m−1)
// for an item m annotators labeled, so the pairs of an item labeled by three give exactly the
// three-coder α (pairs of one annotator pair alone are a two-coder data set: weight 1). Units come grouped in clusters (the items): the bootstrap resamples items, not pairs,
// because the regions of one image are not independent judgments.

export const BOOTSTRAP_SAMPLES = 400;
const CONFIDENCE = 0.95;

/** α, or null and the reason it is undefined. */
interface AlphaResult {
  value: number | null;
  reason: string | null;
}

const NO_UNITS = 'no item was rated by two annotators';
const NO_VARIATION = 'every answer is the same category, so chance agreement is total';

/** Nominal α from a k×k coincidence matrix (row-major), δ = 1 off the diagonal. */
export function nominalAlpha(o: ArrayLike<number>, k: number): AlphaResult {
  const totals = new Float64Array(k);
  let n = 0;
  let disagreeing = 0;
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < k; j++) {
      const v = o[c * k + j]!;
      totals[c] = totals[c]! + v;
      if (c !== j) disagreeing += v;
    }
    n += totals[c]!;
  }
  if (n < 2) return { value: null, reason: NO_UNITS };
  let expected = 0;
  for (const t of totals) expected += t * (n - t);
  if (expected === 0) return { value: null, reason: NO_VARIATION };
  return { value: 1 - ((n - 1) * disagreeing) / expected, reason: null };
}

/** One-vs-rest α of category `c` from the same matrix: c against every other category together. */
export function oneVsRestAlpha(o: ArrayLike<number>, k: number, c: number): AlphaResult {
  let n = 0;
  let rowC = 0;
  for (let i = 0; i < k * k; i++) n += o[i]!;
  for (let j = 0; j < k; j++) rowC += o[c * k + j]!;
  const both = o[c * k + c]!;
  const off = rowC - both; // coincidences (c, not c); the matrix is symmetric
  return nominalAlpha([both, off, off, n - 2 * rowC + both], 2);
}

/** Interval α (δ² = squared difference) from sufficient statistics of numeric pair units. */
export function intervalAlpha(stats: IntervalStats): AlphaResult {
  const n = 2 * stats.units;
  if (n < 2) return { value: null, reason: NO_UNITS };
  const observed = (2 * stats.squaredDiffs) / n;
  const expected = (2 * n * stats.sumSquares - 2 * stats.sum * stats.sum) / (n * (n - 1));
  if (expected <= 0) return { value: null, reason: NO_VARIATION };
  return { value: 1 - observed / expected, reason: null };
}

export interface IntervalStats {
  units: number;
  sum: number;
  sumSquares: number;
  squaredDiffs: number;
}

export function intervalStats(pairs: readonly (readonly [number, number])[]): IntervalStats {
  const stats: IntervalStats = { units: 0, sum: 0, sumSquares: 0, squaredDiffs: 0 };
  for (const [a, b] of pairs) addInterval(stats, a, b);
  return stats;
}

function addInterval(into: IntervalStats, a: number, b: number) {
  into.units += 1;
  into.sum += a + b;
  into.sumSquares += a * a + b * b;
  into.squaredDiffs += (a - b) * (a - b);
}

/** Nominal pair units of one item, as category indices, with their weight (default 1). */
export type NominalCluster = readonly (readonly [a: number, b: number, weight?: number])[];
export type IntervalCluster = readonly (readonly [number, number])[];

/**
 * A statistic over clusters, which it reduces once, up front, to flat arrays of what each adds (its
 * few non-zero coincidence cells, or its interval sums): each bootstrap resample then adds cluster
 * `i` by index instead of walking its pair units again, so resampling costs the same however many
 * regions an item has.
 */
interface Statistic {
  accumulator(): { add(cluster: number): void; result(): AlphaResult[] };
}

function percentile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/**
 * Estimates (value + 95 % percentile bootstrap interval over clusters) of several statistics of the
 * same data from one set of resamples: the report asks for the overall α and every label's
 * one-vs-rest α of a family at once. Seeded, so a recomputed report shows the same intervals. An
 * interval needs ≥ 2 clusters and ≥ 20 resamples on which the statistic is defined.
 */
function bootstrapEstimates(
  clusters: readonly (readonly unknown[])[],
  statistic: Statistic,
  options: { samples?: number; seed?: number },
): TEstimate[] {
  const units = clusters.reduce((sum, c) => sum + c.length, 0);
  const n = clusters.length;
  const full = statistic.accumulator();
  for (let i = 0; i < n; i++) full.add(i);
  const point = full.result();
  const samples = n > 1 ? (options.samples ?? BOOTSTRAP_SAMPLES) : 0;
  const random = seededRandom(options.seed ?? 1);
  const values = point.map(() => new Float64Array(samples));
  const defined = new Int32Array(point.length);
  for (let s = 0; s < samples; s++) {
    const resample = statistic.accumulator();
    for (let i = 0; i < n; i++) resample.add(Math.floor(random() * n));
    resample.result().forEach((r, i) => {
      if (r.value !== null) values[i]![defined[i]!++] = r.value;
    });
  }
  const tail = (1 - CONFIDENCE) / 2;
  return point.map((p, i) => {
    const usable = values[i]!.subarray(0, defined[i]).sort();
    const interval = p.value !== null && usable.length >= 20;
    return {
      value: p.value,
      low: interval ? percentile(usable, tail) : null,
      high: interval ? percentile(usable, 1 - tail) : null,
      units,
      undefinedReason: p.reason,
    };
  });
}

/**
 * Nominal α of pair units over `k` categories, followed by the one-vs-rest α of each category in
 * `labels`, each with its interval.
 */
export function nominalEstimates(
  clusters: readonly NominalCluster[],
  k: number,
  labels: readonly number[] = [],
  options: { samples?: number; seed?: number } = {},
): TEstimate[] {
  // Cluster i's coincidence cells are cells[offsets[i]] … cells[offsets[i + 1] − 1], with their weights.
  const offsets = new Int32Array(clusters.length + 1);
  const cellList: number[] = [];
  const weightList: number[] = [];
  clusters.forEach((cluster, i) => {
    const cells = new Map<number, number>();
    for (const [a, b, weight = 1] of cluster) {
      cells.set(a * k + b, (cells.get(a * k + b) ?? 0) + weight);
      cells.set(b * k + a, (cells.get(b * k + a) ?? 0) + weight);
    }
    for (const [cell, weight] of cells) {
      cellList.push(cell);
      weightList.push(weight);
    }
    offsets[i + 1] = cellList.length;
  });
  const cells = Int32Array.from(cellList);
  const weights = Float64Array.from(weightList);
  return bootstrapEstimates(
    clusters,
    {
      accumulator() {
        const o = new Float64Array(k * k);
        return {
          add(i) {
            for (let j = offsets[i]!, end = offsets[i + 1]!; j < end; j++) o[cells[j]!] = o[cells[j]!]! + weights[j]!;
          },
          result: () => [nominalAlpha(o, k), ...labels.map((c) => oneVsRestAlpha(o, k, c))],
        };
      },
    },
    options,
  );
}

/** Interval α of numeric pair units with its interval. */
export function intervalEstimate(
  clusters: readonly IntervalCluster[],
  options: { samples?: number; seed?: number } = {},
): TEstimate {
  const perCluster = clusters.map(intervalStats);
  const [estimate] = bootstrapEstimates(
    clusters,
    {
      accumulator() {
        const stats = intervalStats([]);
        return {
          add(i) {
            const cluster = perCluster[i]!;
            stats.units += cluster.units;
            stats.sum += cluster.sum;
            stats.sumSquares += cluster.sumSquares;
            stats.squaredDiffs += cluster.squaredDiffs;
          },
          result: () => [intervalAlpha(stats)],
        };
      },
    },
    options,
  );
  return estimate!;
}
