// Frames ↔ media time through the worker's frame map (server/media/video/make-frame-map.ts): the
// presentation time of every frame of the proxy, read from its own packets. Computing n / fps goes
// wrong on variable frame rate sources and drifts on 29.97; the map is exact on both. The shape is
// restated here because lib/ does not import server/.

export interface FrameMap {
  version: 1;
  fps: number;
  frameCount: number;
  variableFrameRate: boolean;
  /** Presentation time (s) of every frame, increasing: frame n is on screen from times[n] to times[n + 1]. */
  times: number[];
  /** Frames the proxy can seek to without decoding from an earlier one. */
  keyframes: number[];
}

/**
 * Slack for float noise between the map's times (6 decimals) and what the player reports
 * (`currentTime`, `requestVideoFrameCallback`'s mediaTime): a reported time a hair before times[n]
 * still means frame n. Far below any real frame's length (0.2 ms would be 5,000 fps).
 */
export const TIME_EPSILON = 1e-4;

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** The frame map fetched as JSON, or null when it is not one the editor can step through (no frames, times out of order). */
export function parseFrameMap(value: unknown): FrameMap | null {
  const m = value as Partial<FrameMap> | null;
  if (!m || typeof m !== 'object' || m.version !== 1 || !Array.isArray(m.times) || !Array.isArray(m.keyframes)) return null;
  const { times } = m;
  if (times.length === 0 || !times.every((t, i) => isFiniteNumber(t) && (i === 0 || t > times[i - 1]!))) return null;
  return {
    version: 1,
    fps: isFiniteNumber(m.fps) && m.fps > 0 ? m.fps : 0,
    frameCount: times.length,
    variableFrameRate: m.variableFrameRate === true,
    times,
    // Keyframes only guide seeking and buffering: ones the map cannot hold are dropped, not fatal.
    keyframes: m.keyframes.filter((k) => Number.isInteger(k) && k >= 0 && k < times.length),
  };
}

export const lastFrameOf = (map: FrameMap) => map.times.length - 1;

/** A frame number rounded and kept among the map's frames. */
export function clampFrameTo(map: FrameMap, frame: number): number {
  return Math.min(Math.max(Math.round(Number.isFinite(frame) ? frame : 0), 0), lastFrameOf(map));
}

const steps = new WeakMap<FrameMap, number>();

/**
 * The typical time between frames: the median step of the map (a few long VFR gaps do not move it),
 * 1 / fps for a one-frame map. Computed once per map.
 */
export function frameStep(map: FrameMap): number {
  const known = steps.get(map);
  if (known !== undefined) return known;
  const { times } = map;
  const diffs = times.slice(1).map((t, i) => t - times[i]!);
  diffs.sort((a, b) => a - b);
  const step = diffs.length ? diffs[diffs.length >> 1]! : map.fps > 0 ? 1 / map.fps : 1 / 30;
  steps.set(map, step);
  return step;
}

/** When the last frame stops being shown: the end of the video as the player sees it. */
export function endTimeOf(map: FrameMap): number {
  return map.times[lastFrameOf(map)]! + frameStep(map);
}

/** A media time kept in [0, end of the last frame]. */
export function clampTimeTo(map: FrameMap, t: number): number {
  return Math.min(Math.max(Number.isFinite(t) ? t : 0, 0), endTimeOf(map));
}

/**
 * The frame on screen at media time `t`: the last frame whose time is ≤ t (with TIME_EPSILON for
 * float noise). Before the first frame it is frame 0, after the end the last frame. Binary search:
 * called on every painted frame during playback.
 */
export function frameAtTime(map: FrameMap, t: number): number {
  const { times } = map;
  const target = (Number.isFinite(t) ? t : 0) + TIME_EPSILON;
  let low = 0;
  let high = times.length - 1;
  if (times[0]! > target) return 0;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (times[mid]! <= target) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** When frame n starts being shown (its presentation time); the frame clamped into the map. */
export function timeOfFrame(map: FrameMap, frame: number): number {
  return map.times[clampFrameTo(map, frame)]!;
}

/**
 * The time to seek to for frame n: the middle of its display interval, not its start. A seek to
 * times[n] exactly can land on frame n - 1 after the player rounds the time (or the container's
 * timebase does), the off-by-one peers' users see; half a frame away from both edges, no rounding
 * reaches the neighbours. The last frame has no next time, so half a typical step past its start.
 */
export function seekTimeForFrame(map: FrameMap, frame: number): number {
  const n = clampFrameTo(map, frame);
  const start = map.times[n]!;
  const next = n < lastFrameOf(map) ? map.times[n + 1]! : start + frameStep(map);
  return (start + next) / 2;
}

/** The frame `delta` frames from `frame` (arrow keys ±1, Shift ±10), kept inside the video. */
export function stepFrame(map: FrameMap, frame: number, delta: number): number {
  return clampFrameTo(map, frame + Math.round(delta));
}

/**
 * The keyframe a seek to `frame` decodes from (the last one at or before it): how far the decoder
 * must run, and where buffering ahead should start. Frame 0 when the map lists none before it.
 */
export function decodeStartFor(map: FrameMap, frame: number): number {
  const n = clampFrameTo(map, frame);
  const { keyframes } = map;
  let low = 0;
  let high = keyframes.length - 1;
  if (high < 0 || keyframes[0]! > n) return 0;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (keyframes[mid]! <= n) low = mid;
    else high = mid - 1;
  }
  return keyframes[low]!;
}
