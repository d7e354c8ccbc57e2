import { addRegions, updateRegions } from '../commands';
import type { EditorRegion, Patch } from '../patch';

// Video events: `event` regions spanning a first and a last frame, both inclusive (a one-frame event
// has start === end), drawn as bars on the timeline. Frames, not seconds: the frame map turns them
// into times (frame-time.ts). Every edit returns a patch for the shared history; deleting, relabeling
// and attributes go through the generic commands (../commands.ts).

export type VideoEvent = EditorRegion & { type: 'event'; start: number; end: number };

export const isEvent = (r: EditorRegion): r is VideoEvent =>
  r.type === 'event' && Number.isInteger(r.start) && Number.isInteger(r.end);

/** The last frame number of a video with `frameCount` frames (0 for an empty one, which has no frames to clamp to). */
const lastFrame = (frameCount: number) => Math.max(0, Math.floor(frameCount) - 1);

/** A frame number rounded and kept in [0, frameCount - 1]. */
export function clampFrame(frame: number, frameCount: number): number {
  return Math.min(Math.max(Math.round(Number.isFinite(frame) ? frame : 0), 0), lastFrame(frameCount));
}

/** Two frames in either order as an inclusive span inside the video. */
export function clampEventSpan(a: number, b: number, frameCount: number): { start: number; end: number } {
  const [x, y] = [clampFrame(a, frameCount), clampFrame(b, frameCount)];
  return { start: Math.min(x, y), end: Math.max(x, y) };
}

/** An event between two frames (a drag on the timeline, or the I / O keys at two frames), in any order. */
export function newEvent(input: {
  id: string;
  classId: string;
  from: number;
  to: number;
  frameCount: number;
  attributes?: EditorRegion['attributes'];
}): VideoEvent {
  const span = clampEventSpan(input.from, input.to, input.frameCount);
  return { id: input.id, type: 'event', classId: input.classId, attributes: input.attributes ?? {}, ...span };
}

export function addEvent(regions: readonly EditorRegion[], event: VideoEvent): Patch {
  return addRegions(regions, [event]);
}

/** New first and last frames for one event (a drag of its bar), in either order, kept inside the video. */
export function setEventSpan(regions: readonly EditorRegion[], id: string, start: number, end: number, frameCount: number): Patch {
  const span = clampEventSpan(start, end, frameCount);
  return updateRegions(regions, [id], (r) => (isEvent(r) && (r.start !== span.start || r.end !== span.end) ? { ...r, ...span } : r));
}

/**
 * One edge set to `frame` (a drag of the edge, or "start here" at the playhead), stopped at the
 * other edge: an edge dragged past the other leaves a one-frame event rather than swapping them.
 */
export function setEventEdge(
  regions: readonly EditorRegion[],
  id: string,
  side: 'start' | 'end',
  frame: number,
  frameCount: number,
): Patch {
  const e = regions.find((r) => r.id === id);
  if (!e || !isEvent(e)) return [];
  const f = clampFrame(frame, frameCount);
  return side === 'start'
    ? setEventSpan(regions, id, Math.min(f, e.end), e.end, frameCount)
    : setEventSpan(regions, id, e.start, Math.max(f, e.start), frameCount);
}

/** Moves one edge by `delta` frames (keyboard nudges, ±1 or ±10). */
export function nudgeEventEdge(
  regions: readonly EditorRegion[],
  id: string,
  side: 'start' | 'end',
  delta: number,
  frameCount: number,
): Patch {
  const e = regions.find((r) => r.id === id);
  if (!e || !isEvent(e)) return [];
  return setEventEdge(regions, id, side, e[side] + Math.round(delta), frameCount);
}

/** Moves the whole event by `delta` frames, its length kept: the move stops at the ends of the video. */
export function shiftEvent(regions: readonly EditorRegion[], id: string, delta: number, frameCount: number): Patch {
  const e = regions.find((r) => r.id === id);
  if (!e || !isEvent(e)) return [];
  const d = Math.min(Math.max(Math.round(delta), -e.start), lastFrame(frameCount) - e.end);
  return d === 0 ? [] : setEventSpan(regions, id, e.start + d, e.end + d, frameCount);
}

/** The events in time order (start, then end, then id): what navigation and the event list follow. */
export function eventsInOrder(regions: readonly EditorRegion[]): VideoEvent[] {
  return regions.filter(isEvent).sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
}

/** The events running on `frame` (several may overlap), in order. `sorted` comes from eventsInOrder. */
export function eventsAt(sorted: readonly VideoEvent[], frame: number): VideoEvent[] {
  const out: VideoEvent[] = [];
  for (const e of sorted) {
    if (e.start > frame) break;
    if (e.end >= frame) out.push(e);
  }
  return out;
}

/** The first event starting after `frame`. */
export function nextEvent(sorted: readonly VideoEvent[], frame: number): VideoEvent | null {
  return sorted.find((e) => e.start > frame) ?? null;
}

/**
 * The last event starting before `frame`. One starting on `frame` is where the playhead already is,
 * so "previous" goes one further back, as pressing it twice on an event's first frame expects.
 */
export function previousEvent(sorted: readonly VideoEvent[], frame: number): VideoEvent | null {
  for (let i = sorted.length - 1; i >= 0; i--) if (sorted[i]!.start < frame) return sorted[i]!;
  return null;
}
