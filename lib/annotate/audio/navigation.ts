import type { Segment } from './segments';

// Where playback and the keyboard go among segments (sorted by segmentsInTime), and where an edge
// dragged near something lands.

/** Two segments starting this close count as the same place for "next" (float noise, not a real step). */
const SAME_TIME = 1e-4;

/** The segments under time t (overlapping speech gives several), in time order. */
export function segmentsAt(sorted: readonly Segment[], t: number): Segment[] {
  const out: Segment[] = [];
  for (const s of sorted) {
    if (s.start > t) break;
    if (s.end >= t) out.push(s);
  }
  return out;
}

/** The first segment starting after t. */
export function nextSegment(sorted: readonly Segment[], t: number): Segment | null {
  return sorted.find((s) => s.start > t + SAME_TIME) ?? null;
}

/** The last segment starting before t; a segment that started just now counts as where we are, so it goes one further back. */
export function previousSegment(sorted: readonly Segment[], t: number): Segment | null {
  for (let i = sorted.length - 1; i >= 0; i--) if (sorted[i]!.start < t - SAME_TIME) return sorted[i]!;
  return null;
}

/** The segment the transcript panel follows at time t: the latest-starting one playing, else none. */
export function currentSegment(sorted: readonly Segment[], t: number): Segment | null {
  const under = segmentsAt(sorted, t);
  return under[under.length - 1] ?? null;
}

/**
 * `t` moved onto the nearest candidate within `tolerance` seconds (another segment's edge, the
 * playhead), or left as it is. The editor passes a tolerance of a few pixels at the current zoom.
 */
export function snapTime(t: number, candidates: readonly number[], tolerance: number): number {
  let best = t;
  let distance = tolerance;
  for (const c of candidates) {
    const d = Math.abs(c - t);
    if (d <= distance) {
      best = c;
      distance = d;
    }
  }
  return best;
}

/** The edges another segment could snap to: every segment's start and end but `exceptId`'s own. */
export function snapCandidates(sorted: readonly Segment[], exceptId: string | null, extra: readonly number[] = []): number[] {
  return [...sorted.flatMap((s) => (s.id === exceptId ? [] : [s.start, s.end])), ...extra];
}
