import type { EditorRegion } from '../patch';
import { isEvent, type VideoEvent } from './events';
import { isTrack, keyframeIndexAtOrBefore, type Keyframe, type KeyframeState, type Track } from './tracks';

// The timeline under the video, as numbers for the renderer: which frames are in view at a zoom and
// scroll, each track's bar (where its object is in view) and keyframe ticks, and event bars, in CSS
// pixels from the left edge of the timeline's track area. It runs on every scroll, zoom and playhead
// move with up to 200 tracks of 18,000 keyframes, so it only visits keyframes inside the window, and
// at most one per couple of pixels: detail finer than a pixel cannot be drawn anyway.

export interface TimelineView {
  /** Frame at the left edge; fractional while scrolling smoothly. */
  first: number;
  pxPerFrame: number;
  /** Width of the track area, CSS pixels. */
  width: number;
}

/** Closest zoom: a frame 40 px wide is enough to place a keyframe by eye. */
export const MAX_PX_PER_FRAME = 40;
/** Ticks closer than this are drawn as one (the first of them). */
export const MIN_TICK_PX = 4;
/** Bars are resolved to this many pixels when zoomed out: keyframes inside one step are not visited. */
const SPAN_RESOLUTION_PX = MIN_TICK_PX;

const minPxPerFrame = (frameCount: number, width: number) => Math.min(MAX_PX_PER_FRAME, width / Math.max(1, frameCount));

/** The zoom and scroll kept sane: no further out than the whole video, no scrolling past either end. */
export function clampView(view: TimelineView, frameCount: number): TimelineView {
  const pxPerFrame = Math.min(MAX_PX_PER_FRAME, Math.max(minPxPerFrame(frameCount, view.width), view.pxPerFrame));
  const maxFirst = Math.max(0, frameCount - view.width / pxPerFrame);
  const first = Math.min(Math.max(0, view.first), maxFirst);
  return first === view.first && pxPerFrame === view.pxPerFrame ? view : { ...view, first, pxPerFrame };
}

/** The whole video in `width` pixels. */
export function fitView(frameCount: number, width: number): TimelineView {
  return { first: 0, pxPerFrame: minPxPerFrame(frameCount, width), width };
}

export const frameToX = (view: TimelineView, frame: number) => (frame - view.first) * view.pxPerFrame;

/** The frame whose cell holds pixel x (a frame is drawn from frameToX(f) to frameToX(f + 1)). */
export const xToFrame = (view: TimelineView, x: number) => Math.floor(view.first + x / view.pxPerFrame);

/** The frames at least partly in view, inclusive, inside the video; `to < from` when it has none. */
export function visibleFrames(view: TimelineView, frameCount: number): { from: number; to: number } {
  const from = Math.max(0, Math.floor(view.first));
  const to = Math.min(frameCount - 1, Math.ceil(view.first + view.width / view.pxPerFrame) - 1);
  return { from, to };
}

/** Zoom by `factor` about pixel `anchorX` (the cursor): the frame under it stays under it. */
export function zoomAt(view: TimelineView, factor: number, anchorX: number, frameCount: number): TimelineView {
  const anchor = view.first + anchorX / view.pxPerFrame;
  const pxPerFrame = Math.min(MAX_PX_PER_FRAME, Math.max(minPxPerFrame(frameCount, view.width), view.pxPerFrame * factor));
  return clampView({ ...view, pxPerFrame, first: anchor - anchorX / pxPerFrame }, frameCount);
}

export function scrollBy(view: TimelineView, dx: number, frameCount: number): TimelineView {
  return clampView({ ...view, first: view.first + dx / view.pxPerFrame }, frameCount);
}

/**
 * The view following the playhead: unchanged while `frame` is in view, else paged so that it sits a
 * tenth of the width from the left (playback runs on into the page rather than scrolling each frame).
 */
export function followFrame(view: TimelineView, frame: number, frameCount: number): TimelineView {
  const x = frameToX(view, frame);
  if (x >= 0 && x + view.pxPerFrame <= view.width) return view;
  return clampView({ ...view, first: frame - view.width / view.pxPerFrame / 10 }, frameCount);
}

export type TimelineRow =
  | { kind: 'track'; track: Track }
  /** One lane of a class's events: sorted by start and never overlapping, so ends increase too. */
  | { kind: 'events'; classId: string; lane: number; events: VideoEvent[] };

/**
 * The timeline's rows: a row per track in document order, so a track keeps its row while its
 * keyframes are edited (a split's new track comes right below it, a new track at the bottom); then
 * each event class (in `classOrder`, the taxonomy's, else in order of appearance) in as many lanes as
 * its overlapping events need, packed first-fit by start frame; `openLane`, the event class chosen
 * in the editor, has at least one lane. Compute once per document change.
 */
export function timelineRows(
  regions: readonly EditorRegion[],
  classOrder: readonly string[] = [],
  openLane: string | null = null,
): TimelineRow[] {
  const rows: TimelineRow[] = regions.filter(isTrack).map((track) => ({ kind: 'track', track }));
  const byClass = new Map<string, VideoEvent[]>(classOrder.map((c) => [c, []]));
  if (openLane !== null && !byClass.has(openLane)) byClass.set(openLane, []);
  for (const r of regions) {
    if (!isEvent(r)) continue;
    const list = byClass.get(r.classId);
    if (list) list.push(r);
    else byClass.set(r.classId, [r]);
  }
  for (const [classId, events] of byClass) {
    const lanes: VideoEvent[][] = [];
    events.sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
    for (const e of events) {
      const lane = lanes.find((l) => l[l.length - 1]!.end < e.start);
      if (lane) lane.push(e);
      else lanes.push([e]);
    }
    // The chosen event class keeps a lane even while it has no events: a drag there makes its first.
    if (lanes.length === 0 && classId === openLane) lanes.push([]);
    lanes.forEach((events, lane) => rows.push({ kind: 'events', classId, lane, events }));
  }
  return rows;
}

export interface TrackSpan {
  x0: number;
  x1: number;
  state: Exclude<KeyframeState, 'outside'>;
}
export interface TrackBar {
  row: number;
  id: string;
  /** Where the object is in view, by state; clipped to the track area. */
  spans: TrackSpan[];
  /** Keyframes in view, thinned to MIN_TICK_PX; x is the middle of the keyframe's frame. */
  ticks: { frame: number; x: number; state: KeyframeState }[];
}
export interface EventBar {
  row: number;
  id: string;
  x0: number;
  x1: number;
  /** The event goes on past the left / right edge of the view (draw no edge handle there). */
  cutStart: boolean;
  cutEnd: boolean;
}
export interface TimelineLayout {
  from: number;
  to: number;
  tracks: TrackBar[];
  events: EventBar[];
}

/** Lays out the rows `rowRange` (the ones scrolled into view; all by default) in the frames in view. */
export function layoutTimeline(
  rows: readonly TimelineRow[],
  view: TimelineView,
  frameCount: number,
  rowRange: { first: number; count: number } = { first: 0, count: rows.length },
): TimelineLayout {
  const { from, to } = visibleFrames(view, frameCount);
  const layout: TimelineLayout = { from, to, tracks: [], events: [] };
  if (to < from) return layout;
  const last = Math.min(rows.length, rowRange.first + rowRange.count);
  for (let row = Math.max(0, rowRange.first); row < last; row++) {
    const r = rows[row]!;
    if (r.kind === 'track') {
      const bar = trackBar(r.track, row, view, from, to);
      if (bar) layout.tracks.push(bar);
    } else eventBars(r.events, row, view, from, to, layout.events);
  }
  return layout;
}

function trackBar(track: Track, row: number, view: TimelineView, from: number, to: number): TrackBar | null {
  const kfs = track.keyframes;
  if (kfs[0]!.frame > to || kfs[kfs.length - 1]!.frame < from) return null;
  const bar: TrackBar = { row, id: track.id, spans: [], ticks: [] };
  const stride = SPAN_RESOLUTION_PX / view.pxPerFrame;
  let tickUntil = -Infinity;
  let i = Math.max(0, keyframeIndexAtOrBefore(kfs, from));
  while (i < kfs.length && kfs[i]!.frame <= to) {
    const k = kfs[i]!;
    // Zoomed out, skip to the keyframe in force SPAN_RESOLUTION_PX further on; this one's state stands for those skipped.
    const j = stride > 1 ? skipTo(kfs, i, k.frame + stride) : i + 1;
    const x = frameToX(view, k.frame);
    if (k.frame >= from && x >= tickUntil) {
      bar.ticks.push({ frame: k.frame, x: x + view.pxPerFrame / 2, state: k.state });
      tickUntil = x + MIN_TICK_PX;
    }
    if (k.state !== 'outside') {
      const end = j < kfs.length ? kfs[j]!.frame : k.frame + 1;
      addSpan(bar.spans, Math.max(x, 0), Math.min(frameToX(view, end), view.width), k.state);
    }
    i = j;
  }
  return bar;
}

/**
 * The index of the last keyframe at or before `frame`, searching forward from `i` (at least i + 1).
 * Frames are distinct integers, so it lies within `frame - kfs[i].frame` places: a short search
 * among neighbours, where one over the whole track cost a cache miss per step (10 ms a layout).
 */
function skipTo(kfs: readonly Keyframe[], i: number, frame: number): number {
  let low = i + 1;
  let high = Math.min(kfs.length - 1, i + Math.floor(frame - kfs[i]!.frame));
  if (low >= high) return low;
  if (kfs[high]!.frame <= frame) return high;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (kfs[mid]!.frame <= frame) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Appends a span, joined to the previous one when it continues it in the same state. */
function addSpan(spans: TrackSpan[], x0: number, x1: number, state: TrackSpan['state']): void {
  const prev = spans[spans.length - 1];
  if (prev && prev.state === state && x0 <= prev.x1 + 0.5) prev.x1 = Math.max(prev.x1, x1);
  else if (x1 > x0) spans.push({ x0, x1, state });
}

function eventBars(
  events: readonly VideoEvent[],
  row: number,
  view: TimelineView,
  from: number,
  to: number,
  out: EventBar[],
): void {
  // In a lane, ends increase with starts: binary search the first event still running at `from`.
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (events[mid]!.end < from) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < events.length && events[i]!.start <= to; i++) {
    const e = events[i]!;
    out.push({
      row,
      id: e.id,
      x0: Math.max(0, frameToX(view, e.start)),
      x1: Math.min(view.width, frameToX(view, e.end + 1)),
      cutStart: e.start < from,
      cutEnd: e.end > to,
    });
  }
}

export type TimelineHit =
  | { kind: 'keyframe'; trackId: string; frame: number }
  | { kind: 'event-edge'; eventId: string; side: 'start' | 'end' }
  | { kind: 'event'; eventId: string }
  | { kind: 'track'; trackId: string }
  | null;

/**
 * What a press at pixel x on `row` grabs: a keyframe tick or an event's edge within `tolerance`
 * pixels (the nearest), else the event or track bar under it. Uses the layout already drawn.
 */
export function hitTimeline(layout: TimelineLayout, row: number, x: number, tolerance = 4): TimelineHit {
  const bar = layout.tracks.find((b) => b.row === row);
  if (bar) {
    let best: { frame: number; d: number } | null = null;
    for (const t of bar.ticks) {
      const d = Math.abs(t.x - x);
      if (d <= tolerance && (!best || d < best.d)) best = { frame: t.frame, d };
    }
    if (best) return { kind: 'keyframe', trackId: bar.id, frame: best.frame };
    return bar.spans.some((s) => s.x0 <= x && x < s.x1) ? { kind: 'track', trackId: bar.id } : null;
  }
  for (const e of layout.events) {
    if (e.row !== row || x < e.x0 - tolerance || x > e.x1 + tolerance) continue;
    const ds = e.cutStart ? Infinity : Math.abs(x - e.x0);
    const de = e.cutEnd ? Infinity : Math.abs(x - e.x1);
    if (Math.min(ds, de) <= tolerance) return { kind: 'event-edge', eventId: e.id, side: ds <= de ? 'start' : 'end' };
    if (x >= e.x0 && x < e.x1) return { kind: 'event', eventId: e.id };
  }
  return null;
}
