import { describe, expect, it } from 'vitest';
import { ZVideoTrackGeometrySchema } from '../../schemas/geometry';
import { commit, createHistory, undo } from '../history';
import { applyPatch, type EditorRegion, type Patch } from '../patch';
import {
  addTrack,
  boxOnFrame,
  clampBox,
  deleteKeyframe,
  endTrack,
  extendTrack,
  isTrack,
  keyframeOnFrame,
  mergeTracks,
  moveKeyframe,
  newTrack,
  setKeyframe,
  setKeyframeState,
  splitTrack,
  type Keyframe,
  type KeyframeState,
  type Track,
} from './tracks';

const kf = (frame: number, x: number, state: KeyframeState = 'visible', w = 0.2): Keyframe => ({ frame, x, y: 0.1, w, h: 0.2, state });
const track = (id: string, keyframes: Keyframe[], extra: Partial<Track> = {}): Track => ({
  id,
  type: 'video_track',
  classId: 'car',
  attributes: { color: 'red' },
  keyframes,
  ...extra,
});
const run = (regions: readonly EditorRegion[], patch: Patch) => {
  const out = applyPatch(regions, patch);
  for (const r of out) if (isTrack(r)) expect(ZVideoTrackGeometrySchema.safeParse(r).success, JSON.stringify(r)).toBe(true);
  return out as Track[];
};
const frames = (t: Track) => t.keyframes.map((k) => k.frame);
/** What the track shows on frames 0…n-1: "x@state" or "-", x to 6 decimals (float noise from lerps of lerps). */
const shown = (tracks: readonly Track[], n: number) =>
  Array.from({ length: n }, (_, f) => {
    const boxes = tracks.flatMap((t) => {
      const b = boxOnFrame(t, f);
      return b ? [`${b.x.toFixed(6)},${b.w.toFixed(6)}@${b.state}`] : [];
    });
    return boxes.length ? boxes.join('|') : '-';
  });

// visible 0 → 10 moving right, occluded from 10, outside (gone) 20–29, back at 30.
const car = track('car1', [kf(0, 0), kf(10, 0.5, 'occluded'), kf(20, 0.6, 'outside'), kf(30, 0.2)]);

describe('track model', () => {
  it('makes a one-keyframe track from a box, clamped into the image, and refuses a click', () => {
    const t = newTrack({ id: 't', classId: 'car', frame: 7, box: { x: 0.9, y: -0.1, w: 0.3, h: 0.2 } });
    expect(t.keyframes).toEqual([{ frame: 7, x: 0.7, y: 0, w: 0.3, h: 0.2, state: 'visible' }]);
    expect(run([], addTrack([], t))).toHaveLength(1);
    expect(addTrack([], newTrack({ id: 'u', classId: 'car', frame: 0, box: { x: 0.5, y: 0.5, w: 0, h: 0.1 } }))).toEqual([]);
    expect(() => newTrack({ id: 'v', classId: 'car', frame: 1.5, box: { x: 0, y: 0, w: 0.1, h: 0.1 } })).toThrow(RangeError);
  });

  it('clamps boxes by moving them back, cutting only a side longer than the image', () => {
    expect(clampBox({ x: -0.2, y: 0.95, w: 0.3, h: 0.1 })).toEqual({ x: 0, y: 0.9, w: 0.3, h: 0.1 });
    expect(clampBox({ x: 0.5, y: 0.5, w: 1.4, h: Number.NaN })).toEqual({ x: 0, y: 0.5, w: 1, h: 0 });
  });

  it('reads the interpolated box and the keyframe a frame would get', () => {
    expect(boxOnFrame(car, 5)).toMatchObject({ x: 0.25, state: 'visible', keyframe: false });
    expect(boxOnFrame(car, 25)).toBeNull();
    expect(keyframeOnFrame(car.keyframes, 15)).toEqual({ ...kf(15, 0.55, 'occluded') });
    expect(keyframeOnFrame(car.keyframes, 25)).toEqual(kf(25, 0.6, 'outside'));
    expect(keyframeOnFrame(car.keyframes, 40)).toEqual(kf(40, 0.2));
  });
});

describe('keyframe edits', () => {
  const doc = [car];

  it('inserts a keyframe on a non-key frame, keeping the others, and replaces one on a key frame', () => {
    const inserted = run(doc, setKeyframe(doc, 'car1', 5, { x: 0.4, y: 0.1, w: 0.2, h: 0.2 }))[0]!;
    expect(frames(inserted)).toEqual([0, 5, 10, 20, 30]);
    expect(boxOnFrame(inserted, 5)).toMatchObject({ x: 0.4, keyframe: true });
    expect(boxOnFrame(inserted, 7)!.x).toBeCloseTo(0.44, 12);
    const replaced = run(doc, setKeyframe(doc, 'car1', 10, { x: 0.9, y: 0.9, w: 0.2, h: 0.2 }))[0]!;
    expect(replaced.keyframes[1]).toEqual({ frame: 10, x: 0.8, y: 0.8, w: 0.2, h: 0.2, state: 'occluded' });
    expect(frames(replaced)).toEqual([0, 10, 20, 30]);
  });

  it('brings an object back into view where a box is set, and lengthens the track at either end', () => {
    const back = run(doc, setKeyframe(doc, 'car1', 20, { x: 0.6, y: 0.1, w: 0.2, h: 0.2 }))[0]!;
    expect(back.keyframes[2]!.state).toBe('visible');
    const inGap = run(doc, setKeyframe(doc, 'car1', 25, { x: 0.6, y: 0.1, w: 0.2, h: 0.2 }))[0]!;
    expect(boxOnFrame(inGap, 24)).toBeNull();
    expect(boxOnFrame(inGap, 25)).toMatchObject({ state: 'visible' });
    expect(frames(run(doc, setKeyframe(doc, 'car1', 40, { x: 0, y: 0, w: 0.1, h: 0.1 }))[0]!)).toEqual([0, 10, 20, 30, 40]);
  });

  it('makes no change for the same box, a locked track or another region', () => {
    expect(setKeyframe(doc, 'car1', 0, { x: 0, y: 0.1, w: 0.2, h: 0.2 })).toEqual([]);
    expect(setKeyframe([{ ...car, locked: true }], 'car1', 5, { x: 0, y: 0, w: 0.1, h: 0.1 })).toEqual([]);
    expect(setKeyframe(doc, 'nope', 5, { x: 0, y: 0, w: 0.1, h: 0.1 })).toEqual([]);
  });

  it('sets a state on a keyframe or from a new keyframe on, with the box shown there', () => {
    expect(run(doc, setKeyframeState(doc, 'car1', 10, 'visible'))[0]!.keyframes[1]!.state).toBe('visible');
    const gone = run(doc, setKeyframeState(doc, 'car1', 5, 'outside'))[0]!;
    expect(gone.keyframes[1]).toEqual(kf(5, 0.25, 'outside'));
    expect(shown([gone], 11).slice(4)).toEqual(['0.200000,0.200000@visible', '-', '-', '-', '-', '-', '0.500000,0.200000@occluded']);
    expect(setKeyframeState(doc, 'car1', 20, 'outside')).toEqual([]);
  });

  it('deletes a keyframe but never the last one', () => {
    const less = run(doc, deleteKeyframe(doc, 'car1', 10))[0]!;
    expect(frames(less)).toEqual([0, 20, 30]);
    expect(boxOnFrame(less, 10)!.x).toBeCloseTo(0.3, 12);
    expect(frames(run(doc, deleteKeyframe(doc, 'car1', 30))[0]!)).toEqual([0, 10, 20]);
    expect(deleteKeyframe(doc, 'car1', 11)).toEqual([]);
    const single = [track('s', [kf(3, 0.1)])];
    expect(deleteKeyframe(single, 's', 3)).toEqual([]);
  });

  it('moves a keyframe, stopping one frame short of its neighbours and at frame 0', () => {
    expect(frames(run(doc, moveKeyframe(doc, 'car1', 10, 14))[0]!)).toEqual([0, 14, 20, 30]);
    expect(frames(run(doc, moveKeyframe(doc, 'car1', 10, 99))[0]!)).toEqual([0, 19, 20, 30]);
    expect(frames(run(doc, moveKeyframe(doc, 'car1', 10, 0))[0]!)).toEqual([0, 1, 20, 30]);
    expect(frames(run(doc, moveKeyframe(doc, 'car1', 30, 500))[0]!)).toEqual([0, 10, 20, 500]);
    const late = [track('l', [kf(5, 0.1), kf(8, 0.2)])];
    expect(frames(run(late, moveKeyframe(late, 'l', 5, 0))[0]!)).toEqual([0, 8]);
    expect(moveKeyframe(doc, 'car1', 10, 10)).toEqual([]);
    expect(moveKeyframe(doc, 'car1', 11, 12)).toEqual([]);
  });

  it('undoes an edit through the shared history', () => {
    let h = createHistory(doc);
    h = commit(h, setKeyframe(h.regions, 'car1', 5, { x: 0.4, y: 0.1, w: 0.2, h: 0.2 }));
    expect(frames(h.regions[0] as Track)).toHaveLength(5);
    expect(undo(h).regions).toEqual(doc);
  });
});

describe('ending and extending a track', () => {
  const doc = [track('t', [kf(0, 0), kf(10, 0.5)])];

  it('ends a track mid-way, every frame before keeping its box', () => {
    const ended = run(doc, endTrack(doc, 't', 6))[0]!;
    expect(ended.keyframes).toEqual([kf(0, 0), kf(6, 0.3, 'outside')]);
    expect(shown([ended], 12)).toEqual([...shown(doc, 6), '-', '-', '-', '-', '-', '-']);
  });

  it('ends a track past its last keyframe by holding the box, and not on its first frame or once gone', () => {
    const held = run(doc, endTrack(doc, 't', 15))[0]!;
    expect(held.keyframes).toEqual([kf(0, 0), kf(10, 0.5), kf(15, 0.5, 'outside')]);
    expect(boxOnFrame(held, 14)).toMatchObject({ x: 0.5 });
    expect(boxOnFrame(held, 15)).toBeNull();
    expect(endTrack(doc, 't', 0)).toEqual([]);
    expect(endTrack([held], 't', 20)).toEqual([]);
    expect(run([car], endTrack([car], 'car1', 25))[0]!.keyframes).toEqual(car.keyframes.slice(0, 3));
  });

  it('extends a track holding its last box, replacing an end that was set', () => {
    expect(run(doc, extendTrack(doc, 't', 20))[0]!.keyframes).toEqual([kf(0, 0), kf(10, 0.5), kf(20, 0.5)]);
    const ended = run(doc, endTrack(doc, 't', 6));
    const again = run(ended, extendTrack(ended, 't', 12))[0]!;
    expect(again.keyframes.map((k) => [k.frame, k.state])).toEqual([
      [0, 'visible'],
      [5, 'visible'],
      [12, 'visible'],
    ]);
    expect(shown([again], 13)).toEqual([...shown(doc, 6), ...Array(7).fill('0.250000,0.200000@visible')]);
    expect(extendTrack(doc, 't', 10)).toEqual([]);
  });
});

describe('split and merge', () => {
  it('splits so that every frame shows what it did, the new track with the same class and attributes', () => {
    for (const at of [1, 5, 10, 11, 20, 21, 25, 30]) {
      const parts = run([car], splitTrack([car], 'car1', at, 'car2'));
      expect(parts.map((p) => p.id)).toEqual(['car1', 'car2']);
      const [head, tail] = parts as [Track, Track];
      expect(tail).toMatchObject({ id: 'car2', classId: 'car', attributes: { color: 'red' } });
      expect(tail.keyframes[0]!.frame).toBe(at);
      expect(head.keyframes[head.keyframes.length - 1]!.frame).toBeLessThan(at);
      expect(shown(parts, 32)).toEqual(shown([car], 32));
    }
  });

  it('makes the box before the cut a keyframe only when it was interpolated', () => {
    const [head] = run([car], splitTrack([car], 'car1', 5, 'n'));
    expect(frames(head!)).toEqual([0, 4]);
    const [head2] = run([car], splitTrack([car], 'car1', 11, 'n'));
    expect(frames(head2!)).toEqual([0, 10]);
  });

  it('does not split on the first frame, past the end, or into a part never in view', () => {
    expect(splitTrack([car], 'car1', 0, 'n')).toEqual([]);
    expect(splitTrack([car], 'car1', 31, 'n')).toEqual([]);
    const gone = track('g', [kf(0, 0), kf(5, 0.1, 'outside')]);
    expect(splitTrack([gone], 'g', 5, 'n')).toEqual([]);
    expect(() => splitTrack([car, track('n', [kf(0, 0)])], 'car1', 5, 'n')).toThrow(/taken/);
  });

  it('merges into the track first in view, keeping the gap between them empty', () => {
    const a = track('a', [kf(0, 0), kf(10, 0.5)]);
    const b = track('b', [kf(20, 0.6), kf(30, 0.2)], { attributes: { color: 'blue' } });
    const doc = [b, track('other', [kf(0, 0)]), a];
    const result = mergeTracks(doc, ['b', 'a']);
    expect(result.ok).toBe(true);
    const merged = run(doc, result.ok ? result.patch : []);
    expect(merged.map((t) => t.id)).toEqual(['other', 'a']);
    expect(merged[1]!.attributes).toEqual({ color: 'red' });
    expect(merged[1]!.keyframes).toEqual([kf(0, 0), kf(10, 0.5), kf(11, 0.5, 'outside'), kf(20, 0.6), kf(30, 0.2)]);
    expect(shown([merged[1]!], 32)).toEqual(shown([a, b], 32));
  });

  it('joins back to back, drops an end the later track takes over, and ignores its leading outside keyframes', () => {
    const a = track('a', [kf(0, 0), kf(10, 0.5, 'visible'), kf(20, 0.7, 'outside')]);
    const b = track('b', [kf(15, 0.9, 'outside'), kf(20, 0.1), kf(25, 0.3)]);
    const result = mergeTracks([a, b], ['a', 'b']);
    const merged = run([a, b], result.ok ? result.patch : [])[0]!;
    expect(frames(merged)).toEqual([0, 10, 19, 20, 25]);
    expect(shown([merged], 27)).toEqual(shown([a, b], 27));
  });

  it('refuses overlapping tracks, other classes, locked tracks and fewer than two', () => {
    const a = track('a', [kf(0, 0), kf(10, 0.5)]);
    expect(mergeTracks([a, car], ['a', 'car1'])).toEqual({ ok: false, reason: 'The tracks overlap on frames 0–10' });
    const b = track('b', [kf(11, 0)], { classId: 'person' });
    expect(mergeTracks([a, b], ['a', 'b'])).toMatchObject({ ok: false, reason: expect.stringMatching(/classes/) });
    expect(mergeTracks([a, { ...b, classId: 'car', locked: true }], ['a', 'b'])).toMatchObject({ ok: false });
    expect(mergeTracks([a], ['a', 'a'])).toMatchObject({ ok: false, reason: expect.stringMatching(/two/) });
  });
});

describe('random edits', () => {
  it('always leave strictly increasing keyframes that pass the schema, and undo exactly', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const pick = (n: number) => Math.floor(rand() * n);
    let h = createHistory([car]);
    let id = 0;
    for (let step = 0; step < 800; step++) {
      const tracks = h.regions.filter(isTrack);
      const t = tracks[pick(tracks.length)]!;
      const f = pick(60);
      const box = { x: rand() * 1.2 - 0.1, y: rand(), w: rand() * 0.5, h: rand() * 0.5 };
      const ops: (() => Patch)[] = [
        () => setKeyframe(h.regions, t.id, f, box),
        () => setKeyframeState(h.regions, t.id, f, (['visible', 'occluded', 'outside'] as const)[pick(3)]!),
        () => deleteKeyframe(h.regions, t.id, t.keyframes[pick(t.keyframes.length)]!.frame),
        () => moveKeyframe(h.regions, t.id, t.keyframes[pick(t.keyframes.length)]!.frame, f),
        () => endTrack(h.regions, t.id, f),
        () => extendTrack(h.regions, t.id, f),
        () => splitTrack(h.regions, t.id, f, `s${++id}`),
        () => {
          const r = mergeTracks(h.regions, [t.id, tracks[pick(tracks.length)]!.id]);
          return r.ok ? r.patch : [];
        },
      ];
      const before = h.regions;
      const patch = ops[pick(ops.length)]!();
      h = commit(h, patch);
      run(h.regions, []);
      if (patch.length && rand() < 0.1) {
        h = undo(h);
        expect(h.regions).toEqual(before);
      }
    }
  });
});
