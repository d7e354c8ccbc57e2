/**
 * The fastest of `runs` timed calls of `fn`, in ms: what a unit test compares with its bound, as the
 * suite shares the machine with other work and one busy moment is not the code's cost.
 */
export function bestOf(runs: number, fn: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}
