// How far a label distribution moved from a baseline: the Jensen–Shannon divergence with base-2
// logarithms, so 0 means the same distribution and 1 disjoint ones. Symmetric and defined when a class
// is missing on one side (unlike KL divergence or chi-square with empty cells), which is exactly the
// case of a new class appearing or an old one vanishing.

export function jensenShannon(p: Readonly<Record<string, number>>, q: Readonly<Record<string, number>>): number {
  const totalP = sum(p);
  const totalQ = sum(q);
  if (totalP === 0 || totalQ === 0) throw new RangeError('Both distributions need at least one count');
  let divergence = 0;
  for (const key of new Set([...Object.keys(p), ...Object.keys(q)])) {
    const pk = (p[key] ?? 0) / totalP;
    const qk = (q[key] ?? 0) / totalQ;
    const m = (pk + qk) / 2;
    if (pk > 0) divergence += (pk / 2) * Math.log2(pk / m);
    if (qk > 0) divergence += (qk / 2) * Math.log2(qk / m);
  }
  // Rounding can leave a hair below 0 or above 1.
  return Math.min(1, Math.max(0, divergence));
}

function sum(counts: Readonly<Record<string, number>>): number {
  let total = 0;
  for (const value of Object.values(counts)) {
    if (!(value >= 0 && value < Infinity)) throw new RangeError('Counts must be finite non-negative numbers');
    total += value;
  }
  return total;
}
