import { seededRandom } from '../seeded-random';
import { AgreementUndefinedError, type Rating } from './agreement';

// Percentile bootstrap over units: units (columns of data[coder][unit]) are drawn with replacement and the statistic
// is recomputed on each resample. A seeded PRNG makes an interval reproducible, so a cached report and its
// recomputation show the same figures.

export interface BootstrapOptions {
  samples?: number; // default 1000
  confidence?: number; // default 0.95
  seed?: number; // default 1
}

export interface BootstrapInterval {
  estimate: number; // the statistic on the data as given
  lower: number;
  upper: number;
  confidence: number;
  samples: number; // resamples on which the statistic was defined (see below)
}

/** Type-7 (linear interpolation) quantile of ascending values, as R's default. */
function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/**
 * Confidence interval of an agreement statistic (α, κ, …) over units. Resamples on which the statistic is
 * undefined (e.g. a resample that drew only units without variation) are left out and `samples` says how many
 * counted; the interval is undefined when none did.
 */
export function bootstrapInterval(
  data: readonly (readonly Rating[])[],
  statistic: (data: Rating[][]) => number,
  { samples = 1000, confidence = 0.95, seed = 1 }: BootstrapOptions = {},
): BootstrapInterval {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('confidence must be between 0 and 1');
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError('samples must be a positive integer');
  const estimate = statistic(data.map((row) => [...row]));
  const units = data[0]?.length ?? 0;
  const random = seededRandom(seed);
  const picks = new Int32Array(units);
  const values = new Float64Array(samples);
  let defined = 0;
  for (let s = 0; s < samples; s++) {
    for (let u = 0; u < units; u++) picks[u] = Math.floor(random() * units);
    const resample = data.map((row) => Array.from(picks, (u) => row[u] ?? null));
    try {
      values[defined] = statistic(resample);
      defined++;
    } catch (error) {
      if (!(error instanceof AgreementUndefinedError)) throw error;
    }
  }
  if (defined === 0) throw new AgreementUndefinedError('the statistic is undefined on every bootstrap resample');
  const sorted = values.subarray(0, defined).sort();
  const tail = (1 - confidence) / 2;
  return { estimate, lower: quantile(sorted, tail), upper: quantile(sorted, 1 - tail), confidence, samples: defined };
}
