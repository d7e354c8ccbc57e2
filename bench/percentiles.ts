/** Times `fn` `runs` times (after `warmup` untimed runs) and returns p50/p95/max in ms. */
export async function timeRuns(runs: number, fn: (i: number) => Promise<unknown>, warmup = 5) {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: round(sorted[sorted.length - 1] ?? 0) };
}

export function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
