import type { TTrackKeyframe } from '../schemas/geometry';
import { polygonBounds, type TrackPoint } from './polygon-bounds';

// A video track between its keyframes: linear interpolation of the box, the state carried from the
// keyframe before. The track spans its first to its last keyframe; an 'outside' keyframe hides the
// object until the next keyframe.
//
// A polygon track interpolates each vertex linearly to the same vertex of the next keyframe when
// both keyframes have as many vertices; when the counts differ there is no vertex to move towards,
// so the earlier keyframe's polygon is held unchanged until the next keyframe (no guessing which
// vertex appeared or vanished). The box is then the shown polygon's bounds.

export interface TrackBox {
  x: number;
  y: number;
  w: number;
  h: number;
  state: 'visible' | 'occluded';
  keyframe: boolean;
  /** A polygon track's polygon on the frame; the box is its bounds. */
  points?: TrackPoint[];
}

export function trackExtent(keyframes: readonly TTrackKeyframe[]): readonly [first: number, last: number] {
  if (keyframes.length === 0) throw new RangeError('A track needs at least one keyframe');
  return [keyframes[0]!.frame, keyframes[keyframes.length - 1]!.frame];
}

function between(k: TTrackKeyframe, next: TTrackKeyframe | undefined, frame: number): TrackBox | null {
  if (k.state === 'outside') return null;
  const keyframe = frame === k.frame;
  const held: TrackBox = { x: k.x, y: k.y, w: k.w, h: k.h, state: k.state, keyframe, ...(k.points && { points: k.points }) };
  if (keyframe || !next) return held;
  const t = (frame - k.frame) / (next.frame - k.frame);
  const lerp = (a: number, b: number) => a + (b - a) * t;
  if (k.points) {
    const to = next.points;
    if (!to || to.length !== k.points.length) return held;
    const points = k.points.map(([x, y], i): TrackPoint => [lerp(x, to[i]![0]), lerp(y, to[i]![1])]);
    return { ...polygonBounds(points), state: k.state, keyframe, points };
  }
  return {
    x: lerp(k.x, next.x),
    y: lerp(k.y, next.y),
    w: lerp(k.w, next.w),
    h: lerp(k.h, next.h),
    state: k.state,
    keyframe: false,
  };
}

/** The box on a frame, or null where the track is absent (outside its extent or after an 'outside' keyframe). */
export function boxAtFrame(keyframes: readonly TTrackKeyframe[], frame: number): TrackBox | null {
  if (!Number.isInteger(frame) || frame < 0) throw new RangeError('Frames are non-negative integers');
  const [first, last] = trackExtent(keyframes);
  if (frame < first || frame > last) return null;
  let low = 0;
  let high = keyframes.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (keyframes[mid]!.frame <= frame) low = mid;
    else high = mid - 1;
  }
  return between(keyframes[low]!, keyframes[low + 1], frame);
}

/** Visits every frame where the track is present, in order, in O(frames). */
export function forEachTrackFrame(keyframes: readonly TTrackKeyframe[], visit: (frame: number, box: TrackBox) => void): void {
  for (let i = 0; i < keyframes.length; i++) {
    const k = keyframes[i]!;
    const next = keyframes[i + 1];
    const end = next ? next.frame - 1 : k.frame;
    if (k.state === 'outside') continue;
    for (let frame = k.frame; frame <= end; frame++) visit(frame, between(k, next, frame)!);
  }
}
