import { describe, expect, it } from 'vitest';
import { commit, createHistory, undo } from '../history';
import { applyPatch, type EditorRegion } from '../patch';
import {
  addSegment,
  clampSpan,
  mergeSegments,
  newSegment,
  nudgeEdge,
  segmentsInTime,
  setIntentional,
  setText,
  setTimes,
  shiftSegments,
  splitSegment,
  type Segment,
} from './segments';

const DURATION = 10;
const seg = (id: string, start: number, end: number, extra: Partial<Segment> = {}): Segment => ({
  ...newSegment({ id, classId: 'speech', start, end, duration: DURATION }),
  ...extra,
});
const run = (regions: EditorRegion[], patch: ReturnType<typeof setTimes>) => applyPatch(regions, patch) as Segment[];

describe('segment commands', () => {
  it('clamps a span into the file and orders its ends', () => {
    expect(clampSpan(4, 2, DURATION)).toEqual({ start: 2, end: 4 });
    expect(clampSpan(-1, 12, DURATION)).toEqual({ start: 0, end: 10 });
    expect(clampSpan(0.1 + 0.2, 1, DURATION).start).toBe(0.3);
  });

  it('adds a segment but not a click', () => {
    const doc: EditorRegion[] = [];
    expect(run(doc, addSegment(doc, seg('a', 1, 2)))).toHaveLength(1);
    expect(addSegment(doc, seg('b', 1, 1.005))).toEqual([]);
  });

  it('sets times inside the file and refuses a span too short to keep', () => {
    const doc = [seg('a', 1, 2)];
    expect(run(doc, setTimes(doc, 'a', 9, 11, DURATION))[0]).toMatchObject({ start: 9, end: 10 });
    expect(setTimes(doc, 'a', 3, 3.001, DURATION)).toEqual([]);
    expect(setTimes(doc, 'a', 1, 2, DURATION)).toEqual([]);
    expect(setTimes([{ ...doc[0]!, locked: true }], 'a', 3, 4, DURATION)).toEqual([]);
  });

  it('shifts a selection together, stopping it at the edges of the file', () => {
    const doc = [seg('a', 1, 2), seg('b', 8, 9.5), seg('c', 5, 6)];
    const moved = run(doc, shiftSegments(doc, ['a', 'b'], 3, DURATION));
    expect(moved.map((s) => [s.start, s.end])).toEqual([
      [1.5, 2.5],
      [8.5, 10],
      [5, 6],
    ]);
    expect(run(doc, shiftSegments(doc, ['a'], -5, DURATION))[0]).toMatchObject({ start: 0, end: 1 });
  });

  it('nudges one edge without crossing the other', () => {
    const doc = [seg('a', 1, 2)];
    expect(run(doc, nudgeEdge(doc, 'a', 'start', 0.5, DURATION))[0]).toMatchObject({ start: 1.5, end: 2 });
    expect(run(doc, nudgeEdge(doc, 'a', 'start', 5, DURATION))[0]).toMatchObject({ start: 1.99, end: 2 });
    expect(run(doc, nudgeEdge(doc, 'a', 'end', -5, DURATION))[0]).toMatchObject({ start: 1, end: 1.01 });
  });

  it('splits at a time: the first half keeps the transcript, the second starts empty with the same class', () => {
    const doc = [seg('a', 1, 3, { text: 'hello there', attributes: { speaker: 'A' } })];
    const halves = run(doc, splitSegment(doc, 'a', 2, 'b'));
    expect(halves).toEqual([
      { ...doc[0], end: 2 },
      { ...doc[0], id: 'b', start: 2, end: 3, text: '' },
    ]);
    expect(splitSegment(doc, 'a', 1.001, 'b')).toEqual([]);
    expect(splitSegment(doc, 'a', 5, 'b')).toEqual([]);
  });

  it('merges segments into the earliest, joining transcripts in time order', () => {
    const doc = [seg('late', 4, 5, { text: 'world' }), seg('early', 1, 2, { text: ' hello ' }), seg('mid', 2, 3, { text: '' })];
    const merged = run(doc, mergeSegments(doc, ['late', 'early', 'mid']));
    expect(merged).toEqual([{ ...doc[1], start: 1, end: 5, text: 'hello world' }]);
    expect(mergeSegments(doc, ['late'])).toEqual([]);
  });

  it('undoes a merge in one step', () => {
    const doc = [seg('a', 1, 2, { text: 'a' }), seg('b', 3, 4, { text: 'b' })];
    const h = commit(createHistory(doc), mergeSegments(doc, ['a', 'b']));
    expect(h.regions).toHaveLength(1);
    expect(undo(h).regions).toEqual(doc);
  });

  it('sets a transcript and marks or unmarks a segment intentional', () => {
    const doc = [seg('a', 1, 2)];
    expect(run(doc, setText(doc, 'a', 'hi'))[0]!.text).toBe('hi');
    expect(setText(doc, 'a', '')).toEqual([]);
    const marked = run(doc, setIntentional(doc, ['a'], true));
    expect(marked[0]!.intentional).toBe(true);
    expect(run(marked, setIntentional(marked, ['a'], false))[0]).not.toHaveProperty('intentional');
  });

  it('orders segments by time, whatever the list order', () => {
    const doc = [
      seg('b', 2, 3),
      seg('a', 1, 4),
      seg('c', 1, 2),
      { id: 'x', type: 'classification', classId: 'k', attributes: {} },
    ];
    expect(segmentsInTime(doc as EditorRegion[]).map((s) => s.id)).toEqual(['c', 'a', 'b']);
  });
});
