import { describe, expect, it } from 'vitest';
import { ZVideoTrackGeometrySchema } from '../../schemas/geometry';
import type { TTaxonomyClass } from '../../schemas/taxonomy';
import { boxAtFrame, forEachTrackFrame } from '../../tracks/interpolate-track';
import type { TrackPoint } from '../../tracks/polygon-bounds';
import { applyPatch, type EditorRegion, type Patch } from '../patch';
import { regionProblems } from '../validate-regions';
import { polygonShape } from './polygon-shape';
import { trackProblems } from './track-problems';
import {
  boxOnFrame,
  deleteKeyframe,
  endTrack,
  isTrack,
  mergeTracks,
  newTrack,
  setKeyframe,
  setKeyframePoints,
  setKeyframeState,
  splitTrack,
  type Keyframe,
  type KeyframeState,
  type Track,
} from './tracks';

// Polygon tracks: keyframes carry a polygon and, as their box, its bounds; vertices interpolate one
// by one between keyframes with as many vertices, and the earlier polygon is held when the counts differ.

const tri = (dx: number, dy = 0): TrackPoint[] => [
  [0.1 + dx, 0.1 + dy],
  [0.3 + dx, 0.1 + dy],
  [0.2 + dx, 0.4 + dy],
];
const quad: TrackPoint[] = [
  [0.5, 0.5],
  [0.7, 0.5],
  [0.7, 0.7],
  [0.5, 0.7],
];
const kf = (frame: number, points: TrackPoint[], state: KeyframeState = 'visible'): Keyframe => ({
  frame,
  ...polygonShape(points),
  state,
});
const polyTrack = (id: string, keyframes: Keyframe[], classId = 'lane'): Track => ({
  id,
  type: 'video_track',
  classId,
  attributes: {},
  keyframes,
});
const run = (regions: readonly EditorRegion[], patch: Patch) => {
  const out = applyPatch(regions, patch);
  for (const r of out) if (isTrack(r)) expect(ZVideoTrackGeometrySchema.safeParse(r).success, JSON.stringify(r)).toBe(true);
  return out as Track[];
};
const near = (actual: readonly TrackPoint[] | undefined, expected: readonly TrackPoint[]) => {
  expect(actual).toHaveLength(expected.length);
  actual!.forEach(([x, y], i) => {
    expect(x).toBeCloseTo(expected[i]![0], 12);
    expect(y).toBeCloseTo(expected[i]![1], 12);
  });
};

// A triangle moving right over frames 0–10, a quad from 20 (held from 10 to 19: the counts differ).
const lane = polyTrack('lane1', [kf(0, tri(0)), kf(10, tri(0.4, 0.2)), kf(20, quad)]);

describe('polygon track interpolation', () => {
  it('moves each vertex linearly between keyframes with as many vertices, the box being its bounds', () => {
    const mid = boxAtFrame(lane.keyframes, 5)!;
    near(mid.points, tri(0.2, 0.1));
    expect(mid).toMatchObject({ keyframe: false, state: 'visible' });
    expect([mid.x, mid.y, mid.w, mid.h].map((v) => +v.toFixed(12))).toEqual([0.3, 0.2, 0.2, 0.3]);
    expect(boxAtFrame(lane.keyframes, 0)).toMatchObject({ keyframe: true, points: tri(0) });
  });

  it('holds the earlier polygon until the next keyframe when the vertex counts differ', () => {
    for (const f of [11, 15, 19]) {
      const held = boxAtFrame(lane.keyframes, f)!;
      near(held.points, tri(0.4, 0.2));
      expect(held.keyframe).toBe(false);
    }
    expect(boxAtFrame(lane.keyframes, 20)!.points).toEqual(quad);
  });

  it('visits every frame with its polygon (what an export reads), none after an outside keyframe', () => {
    const ended = [kf(0, tri(0)), kf(2, tri(0.2)), kf(3, tri(0.2), 'outside')];
    const seen: [number, number][] = [];
    forEachTrackFrame(ended, (frame, box) => seen.push([frame, +box.points![0]![0].toFixed(12)]));
    expect(seen).toEqual([
      [0, 0.1],
      [1, 0.2],
      [2, 0.3],
    ]);
  });
});

describe('polygon track edits', () => {
  const doc = [lane];

  it('starts from a drawn polygon: points kept on the picture, the box its bounds', () => {
    const t = newTrack({
      id: 't',
      classId: 'lane',
      frame: 4,
      box: {
        x: 0,
        y: 0,
        w: 0,
        h: 0,
        points: [
          [-0.1, 0.2],
          [0.5, 0.2],
          [0.3, 1.2],
        ],
      },
    });
    expect(t.keyframes).toEqual([
      {
        frame: 4,
        x: 0,
        y: 0.2,
        w: 0.5,
        h: 0.8,
        state: 'visible',
        points: [
          [0, 0.2],
          [0.5, 0.2],
          [0.3, 1],
        ],
      },
    ]);
  });

  it('edits vertices on a keyframe in place, and between keyframes makes a keyframe there', () => {
    const moved = tri(0.05);
    const onKey = run(doc, setKeyframePoints(doc, 'lane1', 10, moved))[0]!;
    expect(onKey.keyframes.map((k) => k.frame)).toEqual([0, 10, 20]);
    expect(onKey.keyframes[1]!.points).toEqual(moved);
    const between = run(doc, setKeyframePoints(doc, 'lane1', 5, moved))[0]!;
    expect(between.keyframes.map((k) => k.frame)).toEqual([0, 5, 10, 20]);
    expect(between.keyframes[1]).toMatchObject({ y: 0.1, state: 'visible' });
    expect(between.keyframes[1]!.x).toBeCloseTo(0.15, 12);
    // Frame 3 now interpolates towards the new keyframe: 3/5 of the way from frame 0's triangle.
    near(boxOnFrame(between, 3)!.points, tri(0.03));
    expect(setKeyframePoints(doc, 'lane1', 5, moved.slice(0, 2))).toEqual([]);
  });

  it('moves and scales the polygon shown on a frame into a box (a drag or resize of the whole shape)', () => {
    const out = run(doc, setKeyframe(doc, 'lane1', 5, { x: 0.5, y: 0.5, w: 0.4, h: 0.6 }))[0]!;
    const k = out.keyframes[1]!;
    expect(k.frame).toBe(5);
    // The box is clamped onto the picture first (y 0.5 → 0.4), then the polygon fills it.
    near(k.points, [
      [0.5, 0.4],
      [0.9, 0.4],
      [0.7, 1],
    ]);
    expect([k.x, k.y, k.w, k.h].map((v) => +v.toFixed(12))).toEqual([0.5, 0.4, 0.4, 0.6]);
  });

  it('keeps the polygon through state changes, deletes and ends', () => {
    const occluded = run(doc, setKeyframeState(doc, 'lane1', 5, 'occluded'))[0]!;
    near(occluded.keyframes[1]!.points, tri(0.2, 0.1));
    expect(boxOnFrame(occluded, 7)!.state).toBe('occluded');
    const fewer = run(doc, deleteKeyframe(doc, 'lane1', 10))[0]!;
    // Frame 0's triangle and frame 20's quad differ in vertices: the triangle is held up to frame 19.
    near(boxOnFrame(fewer, 15)!.points, tri(0));
    const ended = run(doc, endTrack(doc, 'lane1', 5))[0]!;
    expect(ended.keyframes.map((k) => [k.frame, k.state])).toEqual([
      [0, 'visible'],
      [5, 'outside'],
    ]);
    expect(boxOnFrame(ended, 4)!.points).toBeDefined();
  });

  it('splits with every frame showing the polygon it did', () => {
    const out = run(doc, splitTrack(doc, 'lane1', 5, 'lane2'));
    expect(out.map((t) => t.keyframes.map((k) => k.frame))).toEqual([
      [0, 4],
      [5, 10, 20],
    ]);
    for (const f of [3, 4]) near(boxOnFrame(out[0]!, f)!.points, boxOnFrame(lane, f)!.points!);
    for (const f of [5, 7, 15]) near(boxOnFrame(out[1]!, f)!.points, boxOnFrame(lane, f)!.points!);
  });

  it('merges polygon tracks of one class, and refuses to merge a polygon track with a box track', () => {
    const later = polyTrack('lane2', [kf(30, tri(0)), kf(40, tri(0.1))]);
    const merged = mergeTracks([lane, later], ['lane1', 'lane2']);
    expect(merged.ok).toBe(true);
    const out = run([lane, later], merged.ok ? merged.patch : [])[0]!;
    expect(out.keyframes.map((k) => [k.frame, k.state])).toEqual([
      [0, 'visible'],
      [10, 'visible'],
      [20, 'visible'],
      [21, 'outside'],
      [30, 'visible'],
      [40, 'visible'],
    ]);
    const boxes: Track = { ...polyTrack('box', [{ frame: 30, x: 0.1, y: 0.1, w: 0.2, h: 0.2, state: 'visible' }]) };
    expect(mergeTracks([lane, boxes], ['lane1', 'box'])).toEqual({
      ok: false,
      reason: 'A box track and a polygon track cannot be merged',
    });
  });
});

describe('polygon track rules', () => {
  const classes: TTaxonomyClass[] = [
    {
      id: 'lane',
      name: 'Lane',
      color: '#000000',
      hotkey: null,
      geometries: ['video_track', 'polygon'],
      attributes: [],
      description: '',
    },
    { id: 'car', name: 'Car', color: '#000000', hotkey: null, geometries: ['video_track'], attributes: [], description: '' },
  ];

  it('stores only tracks whose keyframes are all polygons or all boxes, each box the bounds of its polygon', () => {
    expect(ZVideoTrackGeometrySchema.safeParse(lane).success).toBe(true);
    const mixed = { keyframes: [lane.keyframes[0]!, { frame: 5, x: 0.1, y: 0.1, w: 0.1, h: 0.1, state: 'visible' }] };
    expect(ZVideoTrackGeometrySchema.safeParse(mixed).error?.issues[0]?.message).toBe(
      "a track's keyframes are all boxes or all polygons",
    );
    const loose = { keyframes: [{ ...lane.keyframes[0]!, w: 0.5 }] };
    expect(ZVideoTrackGeometrySchema.safeParse(loose).error?.issues[0]?.message).toBe(
      "a polygon keyframe's box is its polygon's bounds",
    );
  });

  it('refuses to save a polygon track of a class that allows only boxes, or a malformed one', () => {
    expect(regionProblems([lane], classes)).toEqual([]);
    expect(regionProblems([{ ...lane, classId: 'car' }], classes)).toEqual([
      expect.objectContaining({
        field: 'keyframes',
        message: 'Car does not allow polygons: track it with boxes',
        blocking: 'save',
      }),
    ]);
    const twoPoints = polyTrack('bad', [{ ...lane.keyframes[0]!, points: tri(0).slice(0, 2) }]);
    expect(regionProblems([twoPoints], classes)[0]).toMatchObject({ field: 'keyframes.0.points', blocking: 'save' });
  });

  it('holds back a submit on a polygon with no area where the object is in view', () => {
    const line: TrackPoint[] = [
      [0.1, 0.1],
      [0.2, 0.2],
      [0.3, 0.3],
    ];
    const problems = trackProblems([polyTrack('flat', [kf(0, tri(0)), kf(3, line)])], classes, 100);
    expect(problems.map((p) => p.message)).toEqual(['Lane track from frame 0 has a polygon with no area at frame 3']);
    expect(trackProblems([polyTrack('gone', [kf(0, tri(0)), kf(3, line, 'outside')])], classes, 100)).toEqual([]);
  });
});
