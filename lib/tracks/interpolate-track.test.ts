import { describe, expect, it } from 'vitest';
import { ZVideoTrackGeometrySchema, type TTrackKeyframe } from '../schemas/geometry';
import { boxAtFrame, forEachTrackFrame, trackExtent, type TrackBox } from './interpolate-track';

const kf = (frame: number, x: number, y: number, w: number, h: number, state: TTrackKeyframe['state'] = 'visible') => ({
  frame,
  x,
  y,
  w,
  h,
  state,
});

// visible 0 → occluded 4 → outside 6 (gap on 6–8) → visible 9 → visible 10.
const track: TTrackKeyframe[] = [
  kf(0, 0, 0, 0.2, 0.4),
  kf(4, 0.4, 0.2, 0.4, 0.2, 'occluded'),
  kf(6, 0.5, 0.3, 0.4, 0.2, 'outside'),
  kf(9, 0.1, 0.1, 0.1, 0.1),
  kf(10, 0.3, 0.5, 0.2, 0.2),
];

function expectBox(actual: TrackBox | null, expected: TrackBox) {
  expect(actual).not.toBeNull();
  expect(actual!.state).toBe(expected.state);
  expect(actual!.keyframe).toBe(expected.keyframe);
  for (const key of ['x', 'y', 'w', 'h'] as const) expect(actual![key]).toBeCloseTo(expected[key], 12);
}

describe('trackExtent', () => {
  it('spans the first to the last keyframe, an outside last keyframe included', () => {
    expect(trackExtent(track)).toEqual([0, 10]);
    expect(trackExtent([kf(7, 0, 0, 0.1, 0.1)])).toEqual([7, 7]);
    expect(trackExtent([kf(2, 0, 0, 0.1, 0.1), kf(5, 0, 0, 0.1, 0.1, 'outside')])).toEqual([2, 5]);
  });

  it('refuses a track without keyframes', () => {
    expect(() => trackExtent([])).toThrow(RangeError);
  });
});

describe('boxAtFrame', () => {
  it('interpolates linearly midway and at a quarter between keyframes', () => {
    // Frames 0 → 4, frame 2: t = 2/4 = 0.5: x 0 + 0.4·0.5 = 0.2, y 0 + 0.2·0.5 = 0.1,
    // w 0.2 + 0.2·0.5 = 0.3, h 0.4 − 0.2·0.5 = 0.3.
    expectBox(boxAtFrame(track, 2), { x: 0.2, y: 0.1, w: 0.3, h: 0.3, state: 'visible', keyframe: false });
    // Frame 1: t = 0.25: x 0.1, y 0.05, w 0.25, h 0.35.
    expectBox(boxAtFrame(track, 1), { x: 0.1, y: 0.05, w: 0.25, h: 0.35, state: 'visible', keyframe: false });
    // Frame 3: t = 0.75: x 0.3, y 0.15, w 0.35, h 0.25.
    expectBox(boxAtFrame(track, 3), { x: 0.3, y: 0.15, w: 0.35, h: 0.25, state: 'visible', keyframe: false });
  });

  it('returns a keyframe exactly, flagged as a keyframe', () => {
    expect(boxAtFrame(track, 0)).toEqual({ x: 0, y: 0, w: 0.2, h: 0.4, state: 'visible', keyframe: true });
    expect(boxAtFrame(track, 9)).toEqual({ x: 0.1, y: 0.1, w: 0.1, h: 0.1, state: 'visible', keyframe: true });
    expect(boxAtFrame(track, 10)).toEqual({ x: 0.3, y: 0.5, w: 0.2, h: 0.2, state: 'visible', keyframe: true });
  });

  it('carries the occluded state of the keyframe before, interpolating the box as usual', () => {
    expect(boxAtFrame(track, 4)).toEqual({ x: 0.4, y: 0.2, w: 0.4, h: 0.2, state: 'occluded', keyframe: true });
    // Frames 4 → 6, frame 5: t = 0.5: x 0.4 + 0.1·0.5 = 0.45, y 0.2 + 0.1·0.5 = 0.25, w and h unchanged.
    expectBox(boxAtFrame(track, 5), { x: 0.45, y: 0.25, w: 0.4, h: 0.2, state: 'occluded', keyframe: false });
  });

  it('is absent from an outside keyframe until the next keyframe', () => {
    for (const frame of [6, 7, 8]) expect(boxAtFrame(track, frame)).toBeNull();
    expect(boxAtFrame(track, 9)).not.toBeNull();
  });

  it('is absent before the first and after the last keyframe', () => {
    const late = [kf(3, 0.1, 0.1, 0.2, 0.2), kf(5, 0.3, 0.1, 0.2, 0.2)];
    expect(boxAtFrame(late, 0)).toBeNull();
    expect(boxAtFrame(late, 2)).toBeNull();
    expect(boxAtFrame(late, 6)).toBeNull();
    expect(boxAtFrame(track, 11)).toBeNull();
    expect(boxAtFrame(track, 1_000_000)).toBeNull();
  });

  it('with one keyframe, is that box on its frame only', () => {
    const single = [kf(5, 0.1, 0.2, 0.3, 0.4, 'occluded')];
    expect(boxAtFrame(single, 5)).toEqual({ x: 0.1, y: 0.2, w: 0.3, h: 0.4, state: 'occluded', keyframe: true });
    expect(boxAtFrame(single, 4)).toBeNull();
    expect(boxAtFrame(single, 6)).toBeNull();
    expect(boxAtFrame([kf(5, 0.1, 0.2, 0.3, 0.4, 'outside')], 5)).toBeNull();
  });

  it('an outside last keyframe ends the track on its frame', () => {
    const ending = [kf(0, 0, 0, 0.2, 0.2), kf(2, 0.2, 0, 0.2, 0.2, 'outside')];
    // Frames 0 → 2, frame 1: t = 0.5, x 0.1 (interpolated towards the outside keyframe's box).
    expectBox(boxAtFrame(ending, 1), { x: 0.1, y: 0, w: 0.2, h: 0.2, state: 'visible', keyframe: false });
    expect(boxAtFrame(ending, 2)).toBeNull();
  });

  it('refuses frames that are not non-negative integers, and a track without keyframes', () => {
    for (const frame of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => boxAtFrame(track, frame)).toThrow(RangeError);
    }
    expect(() => boxAtFrame([], 0)).toThrow(RangeError);
  });

  it('relies on keyframes in increasing frame order, which the geometry schema enforces', () => {
    // The module does not sort or check: unsorted or repeated frames are refused where a region is parsed.
    const unsorted = [kf(4, 0.1, 0.1, 0.1, 0.1), kf(0, 0.2, 0.2, 0.1, 0.1)];
    expect(ZVideoTrackGeometrySchema.safeParse({ keyframes: unsorted }).success).toBe(false);
    expect(ZVideoTrackGeometrySchema.safeParse({ keyframes: [unsorted[0], unsorted[0]] }).success).toBe(false);
    expect(ZVideoTrackGeometrySchema.safeParse({ keyframes: [...unsorted].reverse() }).success).toBe(true);
  });
});

describe('forEachTrackFrame', () => {
  function visited(keyframes: TTrackKeyframe[]) {
    const frames: [number, TrackBox][] = [];
    forEachTrackFrame(keyframes, (frame, box) => frames.push([frame, box]));
    return frames;
  }

  it('visits every frame where the track is present once, in order, skipping the outside gap', () => {
    // Extent 0–10 minus the gap 6–8.
    expect(visited(track).map(([frame]) => frame)).toEqual([0, 1, 2, 3, 4, 5, 9, 10]);
  });

  it('agrees with boxAtFrame on every frame of the extent', () => {
    const frames = new Map(visited(track));
    const [first, last] = trackExtent(track);
    for (let frame = first; frame <= last; frame++) {
      const box = boxAtFrame(track, frame);
      if (box === null) expect(frames.has(frame)).toBe(false);
      else expect(frames.get(frame)).toEqual(box);
    }
    // And not outside it.
    expect([...frames.keys()].every((f) => f >= first && f <= last)).toBe(true);
  });

  it('visits a single keyframe once, nothing for an outside one or no keyframes', () => {
    const single = [kf(5, 0.1, 0.2, 0.3, 0.4)];
    expect(visited(single)).toEqual([[5, { x: 0.1, y: 0.2, w: 0.3, h: 0.4, state: 'visible', keyframe: true }]]);
    expect(visited([kf(5, 0.1, 0.2, 0.3, 0.4, 'outside')])).toEqual([]);
    expect(visited([])).toEqual([]);
  });

  it('stops before an outside last keyframe', () => {
    expect(visited([kf(0, 0, 0, 0.2, 0.2), kf(3, 0.3, 0, 0.2, 0.2, 'outside')]).map(([f]) => f)).toEqual([0, 1, 2]);
  });
});
