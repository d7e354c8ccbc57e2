import type { TTrackKeyframe } from '../../schemas/geometry';
import { boxAtFrame, type TrackBox } from '../../tracks/interpolate-track';
import type { TrackPoint } from '../../tracks/polygon-bounds';
import { addRegions, removeRegions, updateRegions } from '../commands';
import type { EditorRegion, Patch } from '../patch';
import { fitPolygon, polygonShape, samePoints } from './polygon-shape';

// The video editor's object tracks: `video_track` regions whose keyframes hold a box (normalized 0–1
// of the frame) and a state on the frames the annotator set; between keyframes the box is
// interpolated linearly (lib/tracks/interpolate-track.ts, the same code MOT export reads). A track
// spans its first to its last keyframe; an `outside` keyframe hides the object until the next one.
// Every edit returns a patch for the shared history (../history.ts); locked tracks are left alone.
// Keyframe frames stay strictly increasing, so results always pass ZVideoTrackGeometrySchema.
// A polygon track is the same with `points` on every keyframe and the box their bounds; its frames
// between keyframes are interpolated vertex by vertex (see interpolate-track.ts for unequal counts).

export type KeyframeState = TTrackKeyframe['state'];
export type Keyframe = TTrackKeyframe;
export type Track = EditorRegion & { type: 'video_track'; keyframes: Keyframe[] };
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
/** What a keyframe shows: a box, and on a polygon track the polygon whose bounds it is. */
export type Shape = Box & { points?: TrackPoint[] };

export const isTrack = (r: EditorRegion): r is Track =>
  r.type === 'video_track' && Array.isArray(r.keyframes) && r.keyframes.length > 0;

/** Frames are the integers 0, 1, 2…; anything else is a caller's bug (a time passed for a frame), so it throws. */
export function assertFrame(frame: number): void {
  if (!Number.isInteger(frame) || frame < 0) throw new RangeError(`not a frame number: ${frame}`);
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));

/**
 * The box moved back onto the image, keeping its size (as a drag against the border does in the
 * image editor); a side longer than the image is cut to it. Interpolated boxes pass through here
 * too, so float noise cannot leave x + w a hair past 1.
 */
export function clampBox(b: Box): Box {
  const w = clamp01(b.w);
  const h = clamp01(b.h);
  return { x: Math.min(clamp01(b.x), 1 - w), y: Math.min(clamp01(b.y), 1 - h), w, h };
}

/** The shape kept on the picture: a box clamped, a polygon's points clamped and its box made their bounds. */
const shapeOf = (s: Shape): Shape => (s.points ? polygonShape(s.points) : clampBox(s));

export const isPolygonTrack = (track: Track) => Boolean(track.keyframes[0]!.points);

/**
 * A one-keyframe track from the shape drawn on `frame`: a box, or a polygon (`points`, kept on the
 * picture, the box made their bounds).
 */
export function newTrack(input: {
  id: string;
  classId: string;
  frame: number;
  box: Shape;
  attributes?: EditorRegion['attributes'];
  state?: KeyframeState;
}): Track {
  assertFrame(input.frame);
  const shape = shapeOf(input.box);
  const keyframe: Keyframe = { frame: input.frame, ...shape, state: input.state ?? 'visible' };
  return { id: input.id, type: 'video_track', classId: input.classId, attributes: input.attributes ?? {}, keyframes: [keyframe] };
}

/** Smaller than this on either side (normalized), a drawn box is a click, not a box. */
export const MIN_BOX_SIDE = 1e-4;

/** Adds a new track, unless its box is too small to be meant. */
export function addTrack(regions: readonly EditorRegion[], track: Track): Patch {
  const k = track.keyframes[0]!;
  return k.w < MIN_BOX_SIDE || k.h < MIN_BOX_SIDE ? [] : addRegions(regions, [track]);
}

/** The box shown on `frame` (interpolated between keyframes), or null where the object is not in view. */
export function boxOnFrame(track: Track, frame: number): TrackBox | null {
  return boxAtFrame(track.keyframes, frame);
}

/** Index of the last keyframe at or before `frame`, -1 before the first. Binary search: tracks can hold 18,000 keyframes. */
export function keyframeIndexAtOrBefore(keyframes: readonly Keyframe[], frame: number): number {
  let low = 0;
  let high = keyframes.length - 1;
  if (high < 0 || keyframes[0]!.frame > frame) return -1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (keyframes[mid]!.frame <= frame) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Index of the keyframe exactly on `frame`, or -1. */
export function keyframeIndex(keyframes: readonly Keyframe[], frame: number): number {
  const i = keyframeIndexAtOrBefore(keyframes, frame);
  return i >= 0 && keyframes[i]!.frame === frame ? i : -1;
}

/**
 * The keyframe that, inserted on `frame`, changes nothing the track shows: the interpolated box
 * with the state in force there. Where the object is hidden (after an `outside` keyframe) the box
 * of the keyframe before is carried, since a hidden box is never drawn. Before the track it takes
 * the first keyframe's box, after it the last one's (what extending a track holds).
 */
export function keyframeOnFrame(keyframes: readonly Keyframe[], frame: number): Keyframe {
  assertFrame(frame);
  const i = keyframeIndexAtOrBefore(keyframes, frame);
  if (i < 0) return { ...keyframes[0]!, frame };
  const before = keyframes[i]!;
  if (before.frame === frame) return before;
  if (before.state === 'outside' || i === keyframes.length - 1) return { frame, ...shapeOf(before), state: before.state };
  return { frame, ...shapeOf(boxAtFrame(keyframes, frame)!), state: before.state };
}

/** `keyframes` with `k` on its frame: replacing the keyframe there or inserted in frame order. */
export function withKeyframe(keyframes: readonly Keyframe[], k: Keyframe): Keyframe[] {
  const i = keyframeIndexAtOrBefore(keyframes, k.frame);
  const next = keyframes.slice();
  if (i >= 0 && keyframes[i]!.frame === k.frame) next[i] = k;
  else next.splice(i + 1, 0, k);
  return next;
}

const sameKeyframe = (a: Keyframe, b: Keyframe) =>
  a.frame === b.frame &&
  a.x === b.x &&
  a.y === b.y &&
  a.w === b.w &&
  a.h === b.h &&
  a.state === b.state &&
  samePoints(a.points, b.points);

/** Replaces the track's keyframes with `change(keyframes)`; null or an unchanged list makes no operation. */
function editKeyframes(
  regions: readonly EditorRegion[],
  trackId: string,
  change: (keyframes: readonly Keyframe[]) => Keyframe[] | null,
): Patch {
  return updateRegions(regions, [trackId], (r) => {
    if (!isTrack(r)) return r;
    const keyframes = change(r.keyframes);
    if (!keyframes || (keyframes.length === r.keyframes.length && keyframes.every((k, i) => sameKeyframe(k, r.keyframes[i]!))))
      return r;
    return { ...r, keyframes };
  });
}

/**
 * The box on `frame` as the annotator set it (a drag or resize on the video, clamped into the
 * image). On a keyframe it replaces that keyframe's box; on any other frame it inserts a keyframe
 * there, the others kept, so the frames around it now interpolate to it (before the first or after
 * the last keyframe this lengthens the track). The state is kept, except that an `outside` keyframe
 * becomes `visible`: placing a box says the object is in view. On a polygon track the polygon shown
 * on the frame is moved and scaled into the box (a drag or a resize of the whole polygon).
 */
export function setKeyframe(regions: readonly EditorRegion[], trackId: string, frame: number, box: Box): Patch {
  return placeKeyframe(regions, trackId, frame, (at) =>
    at.points ? fitPolygon({ ...at, points: at.points }, clampBox(box)) : clampBox(box),
  );
}

/**
 * A polygon track's polygon on `frame` as the annotator set it (a vertex dragged), placed as
 * setKeyframe places a box. Box tracks are left alone; fewer than three points change nothing.
 */
export function setKeyframePoints(
  regions: readonly EditorRegion[],
  trackId: string,
  frame: number,
  points: readonly TrackPoint[],
): Patch {
  if (points.length < 3) return [];
  return placeKeyframe(regions, trackId, frame, (at) => (at.points ? polygonShape(points) : null));
}

/** The keyframe on `frame` with the shape `place` makes of the one shown there (null: no change). */
function placeKeyframe(
  regions: readonly EditorRegion[],
  trackId: string,
  frame: number,
  place: (at: Keyframe) => Shape | null,
): Patch {
  assertFrame(frame);
  return editKeyframes(regions, trackId, (keyframes) => {
    const at = keyframeOnFrame(keyframes, frame);
    const shape = place(at);
    if (!shape) return null;
    const state = at.state === 'outside' ? 'visible' : at.state;
    return withKeyframe(keyframes, { frame, ...shape, state });
  });
}

/**
 * Sets the state on `frame` (from there until the next keyframe): on a keyframe it changes that
 * keyframe, elsewhere it inserts one with the box the frame shows. `outside` is how an object
 * leaves the picture, and a box set later brings it back.
 */
export function setKeyframeState(regions: readonly EditorRegion[], trackId: string, frame: number, state: KeyframeState): Patch {
  assertFrame(frame);
  return editKeyframes(regions, trackId, (keyframes) => withKeyframe(keyframes, { ...keyframeOnFrame(keyframes, frame), state }));
}

/**
 * Removes the keyframe on `frame`; the frames around it interpolate between its neighbours (the
 * first or last one removed shortens the track). A track's only keyframe is never removed: this
 * returns an empty patch, and the track goes only as a region (removeRegions).
 */
export function deleteKeyframe(regions: readonly EditorRegion[], trackId: string, frame: number): Patch {
  return editKeyframes(regions, trackId, (keyframes) => {
    const i = keyframeIndex(keyframes, frame);
    if (i < 0 || keyframes.length === 1) return null;
    return keyframes.filter((_, k) => k !== i);
  });
}

/**
 * Moves the keyframe on `from` to frame `to` (a drag of its tick on the timeline), stopped one
 * frame short of its neighbours so the order is kept and no two keyframes share a frame.
 */
export function moveKeyframe(regions: readonly EditorRegion[], trackId: string, from: number, to: number): Patch {
  assertFrame(to);
  return editKeyframes(regions, trackId, (keyframes) => {
    const i = keyframeIndex(keyframes, from);
    if (i < 0) return null;
    const low = i > 0 ? keyframes[i - 1]!.frame + 1 : 0;
    const high = i < keyframes.length - 1 ? keyframes[i + 1]!.frame - 1 : Infinity;
    const frame = Math.min(Math.max(to, low), high);
    if (frame === from) return null;
    const next = keyframes.slice();
    next[i] = { ...keyframes[i]!, frame };
    return next;
  });
}

/**
 * The object leaves the picture on `frame`: keyframes after it are dropped and the keyframe on it
 * becomes `outside`, carrying the box interpolated there, so the frames before it keep exactly the
 * boxes they showed (they interpolate towards a point on the same line). Past the last keyframe this
 * lengthens the track: the last box is held up to frame - 1. Nothing happens on the first keyframe
 * (the track would never be seen: remove it instead) or where the object is already gone.
 */
export function endTrack(regions: readonly EditorRegion[], trackId: string, frame: number): Patch {
  assertFrame(frame);
  return editKeyframes(regions, trackId, (keyframes) => {
    if (frame <= keyframes[0]!.frame) return null;
    const at = keyframeOnFrame(keyframes, frame);
    const kept = keyframes.slice(0, keyframeIndexAtOrBefore(keyframes, frame - 1) + 1);
    if (kept[kept.length - 1]!.state === 'outside') return keyframes.length === kept.length ? null : kept;
    return [...kept, { ...at, state: 'outside' }];
  });
}

/**
 * The object stays in view through `frame`, holding the last box it showed. A track that had
 * ended (trailing `outside` keyframes) loses that end: the box of its last shown frame becomes a
 * keyframe, so the frames before keep what they showed, and is held to `frame`. Nothing happens on
 * a frame the track already shows (set a box or a state there instead) or on a track never shown.
 */
export function extendTrack(regions: readonly EditorRegion[], trackId: string, frame: number): Patch {
  assertFrame(frame);
  return editKeyframes(regions, trackId, (keyframes) => {
    const shown = lastShownFrame(keyframes);
    if (shown < 0 || frame <= shown) return null;
    const held = keyframeOnFrame(keyframes, shown);
    const kept = keyframes.slice(0, keyframeIndexAtOrBefore(keyframes, shown) + 1);
    return [...withKeyframe(kept, held), { ...held, frame }];
  });
}

/** Whether the track shows a box on any frame: some keyframe is not `outside`. */
export const everShown = (keyframes: readonly Keyframe[]) => keyframes.some((k) => k.state !== 'outside');

/** The last frame the track shows a box on, or -1 if none (trailing `outside` keyframes end it early). */
export function lastShownFrame(keyframes: readonly Keyframe[]): number {
  for (let i = keyframes.length - 1; i >= 0; i--) {
    if (keyframes[i]!.state === 'outside') continue;
    return i === keyframes.length - 1 ? keyframes[i]!.frame : keyframes[i + 1]!.frame - 1;
  }
  return -1;
}

/** The tracks in the document, in its order (the timeline's rows follow it). */
export const tracksOf = (regions: readonly EditorRegion[]): Track[] => regions.filter(isTrack);

/** The first frame the track shows a box on, or -1 if none (leading `outside` keyframes show nothing). */
export function firstShownFrame(keyframes: readonly Keyframe[]): number {
  return keyframes.find((k) => k.state !== 'outside')?.frame ?? -1;
}

/**
 * Cuts the track in two at `frame`: from `frame` on it becomes a new track `newId` with the same
 * class and attributes, starting with the box shown on `frame` as a keyframe; the old one keeps its
 * id and ends on frame - 1, with the box shown there made a keyframe when it was interpolated. Every
 * frame shows what it did. Nothing happens when either part would show nothing (a cut on the
 * first frame, past the last keyframe, or leaving only `outside` keyframes on one side).
 */
export function splitTrack(regions: readonly EditorRegion[], trackId: string, frame: number, newId: string): Patch {
  assertFrame(frame);
  const i = regions.findIndex((r) => r.id === trackId);
  const track = regions[i];
  if (!track || !isTrack(track) || track.locked) return [];
  const keyframes = track.keyframes;
  if (frame <= keyframes[0]!.frame || frame > keyframes[keyframes.length - 1]!.frame) return [];
  const head = keyframes.slice(0, keyframeIndexAtOrBefore(keyframes, frame - 1) + 1);
  const end = head[head.length - 1]!;
  if (end.frame !== frame - 1 && end.state !== 'outside') head.push(keyframeOnFrame(keyframes, frame - 1));
  const tail = [keyframeOnFrame(keyframes, frame), ...keyframes.slice(keyframeIndexAtOrBefore(keyframes, frame) + 1)];
  if (!everShown(head) || !everShown(tail)) return [];
  if (regions.some((r) => r.id === newId)) throw new Error(`region id ${newId} is taken`);
  return [
    { kind: 'replace', index: i, before: track, after: { ...track, keyframes: head } },
    { kind: 'insert', index: i + 1, region: { ...track, id: newId, keyframes: tail } },
  ];
}

export type MergeResult = { ok: true; patch: Patch } | { ok: false; reason: string };

const refuse = (reason: string): MergeResult => ({ ok: false, reason });

/**
 * Joins tracks of one class (the same object, lost and found again) into the one first in view,
 * which keeps its id, class and attributes; the others are removed. Keyframes join in frame order.
 * The rule for time: each track must start after the previous ones stop showing their object
 * (leading `outside` keyframes of the later one do not count), else the merge is refused with the
 * overlapping frames. A gap between them stays empty (an `outside` keyframe after the earlier
 * track's last box) rather than being interpolated across: no frame gains a box it did not have;
 * deleting that keyframe interpolates through the gap.
 */
export function mergeTracks(regions: readonly EditorRegion[], ids: Iterable<string>): MergeResult {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const chosen = [...new Set(ids)].map((id) => byId.get(id));
  if (chosen.length < 2) return refuse('Choose two tracks or more to merge');
  const tracks: Track[] = [];
  for (const r of chosen) {
    if (!r || !isTrack(r)) return refuse('Only tracks can be merged');
    if (r.locked) return refuse('A locked track cannot be merged');
    if (!everShown(r.keyframes)) return refuse('A track that is never in view cannot be merged');
    tracks.push(r);
  }
  if (tracks.some((t) => t.classId !== tracks[0]!.classId)) return refuse('Tracks of different classes cannot be merged');
  if (tracks.some((t) => isPolygonTrack(t) !== isPolygonTrack(tracks[0]!)))
    return refuse('A box track and a polygon track cannot be merged');
  tracks.sort((a, b) => firstShownFrame(a.keyframes) - firstShownFrame(b.keyframes) || (a.id < b.id ? -1 : 1));
  let keyframes: Keyframe[] = tracks[0]!.keyframes;
  for (const next of tracks.slice(1)) {
    const joined = joinKeyframes(keyframes, next.keyframes);
    if (typeof joined === 'string') return refuse(joined);
    keyframes = joined;
  }
  const into = tracks[0]!;
  const index = regions.indexOf(into);
  return {
    ok: true,
    patch: [
      { kind: 'replace', index, before: into, after: { ...into, keyframes } },
      ...removeRegions(
        regions,
        tracks.slice(1).map((t) => t.id),
      ),
    ],
  };
}

/** `earlier` then `later`'s keyframes (see mergeTracks), or why they cannot join. */
function joinKeyframes(earlier: readonly Keyframe[], later: readonly Keyframe[]): Keyframe[] | string {
  const start = firstShownFrame(later);
  const stop = lastShownFrame(earlier);
  if (start <= stop) return `The tracks overlap on frames ${start}–${Math.min(stop, lastShownFrame(later))}`;
  // Up to the earlier track's last shown frame, its box there pinned as a keyframe (the frames before
  // may have interpolated towards a later `outside` keyframe, which is dropped).
  const kept = withKeyframe(earlier.slice(0, keyframeIndexAtOrBefore(earlier, stop) + 1), keyframeOnFrame(earlier, stop));
  const end = kept[kept.length - 1]!;
  const gap: Keyframe[] = start > stop + 1 ? [{ ...end, frame: stop + 1, state: 'outside' }] : [];
  return [...kept, ...gap, ...later.slice(later.findIndex((k) => k.state !== 'outside'))];
}
