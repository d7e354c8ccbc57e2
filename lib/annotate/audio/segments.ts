import { addRegions, removeRegions, updateRegions } from '../commands';
import type { EditorRegion, Patch } from '../patch';

// The audio editor's document: the annotation's regions, of which the `audio_segment` ones are
// segments in seconds ({ start, end, text }). Segments may overlap (overlapping speech). Every edit
// returns a patch for the shared history (../history.ts), like the image editor's commands.

export type Segment = EditorRegion & { type: 'audio_segment'; start: number; end: number; text?: string };

/** Shorter than this, a segment is a slip of the mouse (about one 60 fps frame of video). */
export const MIN_SEGMENT_SECONDS = 0.01;

export const isSegment = (r: EditorRegion): r is Segment =>
  r.type === 'audio_segment' && typeof r.start === 'number' && typeof r.end === 'number';

/** The segments in time order (start, then end, then id): what lists, navigation and playback follow. */
export function segmentsInTime(regions: readonly EditorRegion[]): Segment[] {
  return regions.filter(isSegment).sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
}

/** [start, end] inside [0, duration] with start ≤ end; a span wholly outside is pinned to the nearer end. */
export function clampSpan(start: number, end: number, duration: number): { start: number; end: number } {
  const a = Math.min(Math.max(Math.min(start, end), 0), duration);
  const b = Math.min(Math.max(Math.max(start, end), 0), duration);
  return { start: round(a), end: round(b) };
}

/** Times are kept to the microsecond: float noise from pixels would otherwise show up in diffs and exports. */
const round = (t: number) => Math.round(t * 1e6) / 1e6;

export function newSegment(input: {
  id: string;
  classId: string;
  start: number;
  end: number;
  duration: number;
  attributes?: EditorRegion['attributes'];
}): Segment {
  const span = clampSpan(input.start, input.end, input.duration);
  return { id: input.id, type: 'audio_segment', classId: input.classId, attributes: input.attributes ?? {}, ...span, text: '' };
}

/** A new segment, unless it is too short to be meant (a click, not a drag). */
export function addSegment(regions: readonly EditorRegion[], segment: Segment): Patch {
  return segment.end - segment.start < MIN_SEGMENT_SECONDS ? [] : addRegions(regions, [segment]);
}

/** New times for one segment (a drag or a resize), kept inside the file and at least MIN_SEGMENT_SECONDS long. */
export function setTimes(regions: readonly EditorRegion[], id: string, start: number, end: number, duration: number): Patch {
  return updateRegions(regions, [id], (r) => {
    if (!isSegment(r)) return r;
    const span = clampSpan(start, end, duration);
    if (span.end - span.start < MIN_SEGMENT_SECONDS) return r;
    return span.start === r.start && span.end === r.end ? r : { ...r, ...span };
  });
}

/** Shifts the segments by `delta` seconds together, the shift shrunk so none leaves the file. */
export function shiftSegments(regions: readonly EditorRegion[], ids: Iterable<string>, delta: number, duration: number): Patch {
  const chosen = new Set(ids);
  const moving = regions.filter((r): r is Segment => chosen.has(r.id) && isSegment(r) && !r.locked);
  if (moving.length === 0) return [];
  const earliest = Math.min(...moving.map((s) => s.start));
  const latest = Math.max(...moving.map((s) => s.end));
  const d = Math.min(Math.max(delta, -earliest), duration - latest);
  if (d === 0) return [];
  return updateRegions(regions, chosen, (r) => (isSegment(r) ? { ...r, start: round(r.start + d), end: round(r.end + d) } : r));
}

/** Moves one edge by `delta` seconds (keyboard nudges), never past the other edge. */
export function nudgeEdge(
  regions: readonly EditorRegion[],
  id: string,
  side: 'start' | 'end',
  delta: number,
  duration: number,
): Patch {
  const s = regions.find((r) => r.id === id);
  if (!s || !isSegment(s)) return [];
  const start = side === 'start' ? Math.min(s.start + delta, s.end - MIN_SEGMENT_SECONDS) : s.start;
  const end = side === 'end' ? Math.max(s.end + delta, s.start + MIN_SEGMENT_SECONDS) : s.end;
  return setTimes(regions, id, start, end, duration);
}

/**
 * Cuts the segment at `at` in two: the first keeps the id and the transcript, the second (id `newId`)
 * gets the same class and attributes and an empty transcript, to be typed for its half. Nothing
 * happens when `at` leaves either half shorter than MIN_SEGMENT_SECONDS.
 */
export function splitSegment(regions: readonly EditorRegion[], id: string, at: number, newId: string): Patch {
  const i = regions.findIndex((r) => r.id === id);
  const s = regions[i];
  if (!s || !isSegment(s) || s.locked) return [];
  const t = round(at);
  if (t - s.start < MIN_SEGMENT_SECONDS || s.end - t < MIN_SEGMENT_SECONDS) return [];
  const second: Segment = { ...s, id: newId, start: t, end: s.end, text: '' };
  return [
    { kind: 'replace', index: i, before: s, after: { ...s, end: t } },
    { kind: 'insert', index: i + 1, region: second },
  ];
}

/**
 * Joins segments into the earliest of them: it spans them all, its transcript is theirs in time
 * order, its class and attributes stay. Needs two or more editable segments.
 */
export function mergeSegments(regions: readonly EditorRegion[], ids: Iterable<string>): Patch {
  const chosen = new Set(ids);
  const parts = segmentsInTime(regions).filter((s) => chosen.has(s.id) && !s.locked);
  if (parts.length < 2) return [];
  const [first, ...rest] = parts as [Segment, ...Segment[]];
  const text = parts
    .map((s) => (s.text ?? '').trim())
    .filter((t) => t !== '')
    .join(' ');
  const merged: Segment = { ...first, end: Math.max(...parts.map((s) => s.end)), text };
  const keep = updateRegions(regions, [first.id], () => merged);
  const afterKeep = keep.length ? regions.map((r) => (r.id === first.id ? merged : r)) : regions;
  return [
    ...keep,
    ...removeRegions(
      afterKeep,
      rest.map((s) => s.id),
    ),
  ];
}

export function setText(regions: readonly EditorRegion[], id: string, text: string): Patch {
  return updateRegions(regions, [id], (r) => (isSegment(r) && (r.text ?? '') !== text ? { ...r, text } : r));
}

/** The annotator's word that a flagged segment (no transcript, same speaker twice at once) is meant so. */
export function setIntentional(regions: readonly EditorRegion[], ids: Iterable<string>, on: boolean): Patch {
  return updateRegions(regions, ids, (r) => {
    if (!!r.intentional === on) return r;
    if (on) return { ...r, intentional: true };
    const { intentional: _dropped, ...rest } = r;
    return rest as EditorRegion;
  });
}
