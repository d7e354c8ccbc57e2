import { describe, expect, it } from 'vitest';
import { ZEventGeometrySchema } from '../../schemas/geometry';
import { removeRegions } from '../commands';
import { commit, createHistory, undo } from '../history';
import { applyPatch, type EditorRegion, type Patch } from '../patch';
import {
  addEvent,
  clampEventSpan,
  clampFrame,
  eventsAt,
  eventsInOrder,
  newEvent,
  nextEvent,
  nudgeEventEdge,
  previousEvent,
  setEventEdge,
  setEventSpan,
  shiftEvent,
  type VideoEvent,
} from './events';

const FRAMES = 100;
const ev = (id: string, from: number, to: number, extra: Partial<VideoEvent> = {}): VideoEvent => ({
  ...newEvent({ id, classId: 'goal', from, to, frameCount: FRAMES }),
  ...extra,
});
const run = (regions: readonly EditorRegion[], patch: Patch) => {
  const out = applyPatch(regions, patch) as VideoEvent[];
  for (const e of out) expect(ZEventGeometrySchema.safeParse(e).success).toBe(true);
  return out;
};
const span = (e: VideoEvent | undefined) => [e?.start, e?.end];

describe('event edits', () => {
  it('makes an event from two frames in any order, clamped into the video', () => {
    expect(span(ev('a', 40, 10))).toEqual([10, 40]);
    expect(span(ev('a', -5, 250))).toEqual([0, 99]);
    expect(span(ev('a', 7, 7))).toEqual([7, 7]);
    expect(clampFrame(12.6, FRAMES)).toBe(13);
    expect(clampFrame(Number.NaN, FRAMES)).toBe(0);
    expect(clampEventSpan(3, 5, 0)).toEqual({ start: 0, end: 0 });
    expect(run([], addEvent([], ev('a', 1, 2)))).toHaveLength(1);
  });

  it('sets the span, clamped, with no change when nothing moves or the event is locked', () => {
    const doc = [ev('a', 10, 20)];
    expect(span(run(doc, setEventSpan(doc, 'a', 90, 120, FRAMES))[0])).toEqual([90, 99]);
    expect(setEventSpan(doc, 'a', 20, 10, FRAMES)).toEqual([]);
    expect(setEventSpan([{ ...doc[0]!, locked: true }], 'a', 1, 2, FRAMES)).toEqual([]);
  });

  it('sets one edge, stopping at the other', () => {
    const doc = [ev('a', 10, 20)];
    expect(span(run(doc, setEventEdge(doc, 'a', 'start', 15, FRAMES))[0])).toEqual([15, 20]);
    expect(span(run(doc, setEventEdge(doc, 'a', 'start', 30, FRAMES))[0])).toEqual([20, 20]);
    expect(span(run(doc, setEventEdge(doc, 'a', 'end', 3, FRAMES))[0])).toEqual([10, 10]);
    expect(span(run(doc, setEventEdge(doc, 'a', 'end', 500, FRAMES))[0])).toEqual([10, 99]);
  });

  it('nudges an edge by frames and shifts the event, stopped at the ends of the video', () => {
    const doc = [ev('a', 10, 20)];
    expect(span(run(doc, nudgeEventEdge(doc, 'a', 'start', -1, FRAMES))[0])).toEqual([9, 20]);
    expect(span(run(doc, nudgeEventEdge(doc, 'a', 'end', 10, FRAMES))[0])).toEqual([10, 30]);
    expect(span(run(doc, nudgeEventEdge(doc, 'a', 'start', -50, FRAMES))[0])).toEqual([0, 20]);
    expect(span(run(doc, shiftEvent(doc, 'a', 100, FRAMES))[0])).toEqual([89, 99]);
    expect(span(run(doc, shiftEvent(doc, 'a', -100, FRAMES))[0])).toEqual([0, 10]);
    expect(shiftEvent([ev('b', 0, 99)], 'b', 5, FRAMES)).toEqual([]);
  });

  it('is deleted by the generic command and undone by the history', () => {
    const doc = [ev('a', 10, 20), ev('b', 5, 6)];
    let h = createHistory(doc);
    h = commit(h, removeRegions(h.regions, ['a']));
    expect(h.regions.map((r) => r.id)).toEqual(['b']);
    h = commit(h, nudgeEventEdge(h.regions, 'b', 'end', 3, FRAMES));
    expect(undo(undo(h)).regions).toEqual(doc);
  });
});

describe('event navigation', () => {
  const sorted = eventsInOrder([ev('c', 50, 60), ev('a', 10, 20), ev('b', 15, 30), { id: 'box', type: 'bbox', classId: 'x', attributes: {} }]);

  it('orders events and finds those on a frame, edges included', () => {
    expect(sorted.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(eventsAt(sorted, 15).map((e) => e.id)).toEqual(['a', 'b']);
    expect(eventsAt(sorted, 30).map((e) => e.id)).toEqual(['b']);
    expect(eventsAt(sorted, 40)).toEqual([]);
  });

  it('goes to the next and previous event by start frame', () => {
    expect(nextEvent(sorted, 10)?.id).toBe('b');
    expect(nextEvent(sorted, 0)?.id).toBe('a');
    expect(nextEvent(sorted, 50)).toBeNull();
    expect(previousEvent(sorted, 50)?.id).toBe('b');
    expect(previousEvent(sorted, 51)?.id).toBe('c');
    expect(previousEvent(sorted, 10)).toBeNull();
  });
});
