// The time ruler over the waveform: ticks at a round step that stays readable at any zoom, from
// milliseconds (sample-level zoom) to half-hours (a whole three-hour file).

const STEPS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/** Minor ticks at least this far apart, labels at least this far (CSS pixels). */
const MIN_TICK_PX = 8;
const MIN_LABEL_PX = 80;

export interface Ruler {
  /** Seconds between ticks. */
  tick: number;
  /** Seconds between labeled ticks (a multiple of `tick`). */
  label: number;
  /** Decimals the labels need at this step. */
  decimals: number;
}

export function rulerFor(pxPerSec: number): Ruler {
  const tick = STEPS.find((s) => s * pxPerSec >= MIN_TICK_PX) ?? STEPS[STEPS.length - 1]!;
  const label = STEPS.find((s) => s >= tick && s * pxPerSec >= MIN_LABEL_PX && isMultiple(s, tick)) ?? STEPS[STEPS.length - 1]!;
  const decimals = label >= 1 ? 0 : label >= 0.1 ? 1 : label >= 0.01 ? 2 : 3;
  return { tick, label, decimals };
}

const isMultiple = (a: number, b: number) => Math.abs(a / b - Math.round(a / b)) < 1e-6;

/** The tick times in [from, to], each with whether it carries a label. */
export function ticksBetween(ruler: Ruler, from: number, to: number): { t: number; labeled: boolean }[] {
  const first = Math.ceil(from / ruler.tick - 1e-9);
  const last = Math.floor(to / ruler.tick + 1e-9);
  const ticks = [];
  for (let i = Math.max(first, 0); i <= last; i++) {
    const t = i * ruler.tick;
    ticks.push({ t: Math.round(t * 1e6) / 1e6, labeled: isMultiple(t, ruler.label) });
  }
  return ticks;
}
