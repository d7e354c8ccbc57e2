/** An issue's target for one figure: the figure compared with the value. */
export type Target = readonly [cmp: '<=' | '<' | '>=', value: number];

const meets = (got: number, [cmp, value]: Target) => (cmp === '<=' ? got <= value : cmp === '<' ? got < value : got >= value);

/** The targets a run missed, each as "metric figure (target cmp value)"; a figure not measured (null) misses. */
export function missedTargets<M extends string>(figures: Record<M, unknown>, targets: Partial<Record<M, Target>>): string[] {
  return (Object.entries(targets) as [M, Target][])
    .filter(([metric, target]) => {
      const got = figures[metric];
      return typeof got !== 'number' || !meets(got, target);
    })
    .map(([metric, [cmp, value]]) => `${metric} ${String(figures[metric])} (target ${cmp} ${value})`);
}
