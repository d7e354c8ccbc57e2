import type { TTaxonomyClass } from '../../schemas/taxonomy';
import type { TRegion } from '../../schemas/workflow';
import type { RegionProblem } from '../validate-regions';
import { segmentsInTime, type Segment } from './segments';

// What holds back the submit of an audio annotation beyond the general rules (validate-regions.ts):
// a transcribed class's segment with no text, a segment reaching past the end of the file, one
// speaker's segments of one class overlapping (a doubled segment, not overlapping speech). Each can
// be fixed, or marked intentional by the annotator (`intentional: true` on the region), which
// silences it. The editor shows them as the annotator works; the server refuses a submit with any.

/** Float slack for "ends at the end of the file" (a drag to the edge, a duration rounded by the probe). */
const END_SLACK = 0.001;

const seconds = (t: number) => `${t.toFixed(t < 60 ? 2 : 1)} s`;

export function segmentProblems(
  regions: readonly TRegion[],
  classes: readonly TTaxonomyClass[],
  durationSec: number | null,
): RegionProblem[] {
  const byClass = new Map(classes.map((c) => [c.id, c]));
  const position = new Map(regions.map((r, i) => [r.id, i]));
  const problems: RegionProblem[] = [];
  const report = (s: Segment, field: string | null, message: string) =>
    problems.push({ regionId: s.id, index: position.get(s.id)!, field, message, blocking: 'submit' });

  const sorted = segmentsInTime(regions);
  const twins = overlappingTwins(sorted);
  for (const s of sorted) {
    if (s.intentional) continue;
    const cls = byClass.get(s.classId);
    const label = `${cls?.name ?? 'Segment'} at ${seconds(s.start)}`;
    if (durationSec !== null && s.end > durationSec + END_SLACK)
      report(s, 'end', `${label} ends after the file does (${seconds(s.end)} of ${seconds(durationSec)})`);
    if (cls?.transcribed && (s.text ?? '').trim() === '') report(s, 'text', `${label} has no transcript`);
    const twin = twins.get(s.id);
    if (twin)
      report(s, null, `${label} overlaps another ${cls?.name ?? ''} segment of the same speaker (at ${seconds(twin.start)})`);
  }
  return problems.sort((a, b) => a.index - b.index);
}

/**
 * For each segment that starts while an earlier one of the same class and speaker still runs, that
 * earlier one. One sweep per (class, speaker) keeping the longest-running segment so far.
 */
function overlappingTwins(sorted: readonly Segment[]): Map<string, Segment> {
  const running = new Map<string, Segment>();
  const twins = new Map<string, Segment>();
  for (const s of sorted) {
    if (s.intentional) continue;
    const key = `${s.classId}\u0000${speakerOf(s)}`;
    const open = running.get(key);
    if (open && open.end > s.start) twins.set(s.id, open);
    if (!open || s.end > open.end) running.set(key, s);
  }
  return twins;
}

function speakerOf(s: Segment): string {
  const v = s.attributes.speaker;
  return v === undefined || v === null ? '' : String(v);
}
