import { describe, expect, it } from 'vitest';
import { compareAnnotations, type ComparedRegion } from './compare-task';

const box = (id: string, classId: string, x: number, y: number, w = 0.2, h = 0.2, attributes = {}): ComparedRegion => ({
  id,
  type: 'bbox',
  classId,
  attributes,
  x,
  y,
  w,
  h,
});

/** The same small box from frame `first` to frame `last`. */
const staticTrack = (id: string, first: number, last: number): ComparedRegion => ({
  id,
  type: 'video_track',
  classId: 'car',
  keyframes: [first, last].map((frame) => ({ frame, x: 0, y: 0, w: 0.1, h: 0.1, state: 'visible' })),
});

describe('compareAnnotations', () => {
  it('matches boxes one to one regardless of class; misses face "no region"', () => {
    const { units, skipped } = compareAnnotations(
      [
        { annotatorId: 'u2', regions: [box('b1', 'truck', 0.1, 0.1), box('b2', 'car', 0.7, 0.7)] },
        { annotatorId: 'u1', regions: [box('a1', 'car', 0.11, 0.1), box('a2', 'person', 0.4, 0.4)] },
      ],
      { iouThreshold: 0.5 },
    );
    expect(skipped).toBe(0);
    expect(units.map(({ a, b, ca, cb, ra, rb }) => ({ a, b, ca, cb, ra, rb }))).toEqual([
      { a: 'u1', b: 'u2', ca: 'car', cb: 'truck', ra: 'a1', rb: 'b1' },
      { a: 'u1', b: 'u2', ca: 'person', cb: null, ra: 'a2', rb: null },
      { a: 'u1', b: 'u2', ca: null, cb: 'car', ra: null, rb: 'b2' },
    ]);
    expect(units[0]!.score).toBeCloseTo((0.19 * 0.2) / (0.08 - 0.19 * 0.2), 10);
  });

  it('compares attributes only on matched regions of the same class, and transcripts as text', () => {
    const { units } = compareAnnotations(
      [
        { annotatorId: 'a', regions: [box('1', 'light', 0.1, 0.1, 0.2, 0.2, { color: 'red' })] },
        { annotatorId: 'b', regions: [box('2', 'light', 0.1, 0.1, 0.2, 0.2, { color: 'green' })] },
      ],
      { iouThreshold: 0.5 },
    );
    expect(units[0]!.attrs).toEqual({ color: ['red', 'green'] });
    const speech = compareAnnotations(
      [
        {
          annotatorId: 'a',
          regions: [{ id: 's', type: 'audio_segment', classId: 'speech', start: 1, end: 3, text: 'hello there' }],
        },
        { annotatorId: 'b', regions: [{ id: 't', type: 'audio_segment', classId: 'speech', start: 1.5, end: 3, text: 'hello' }] },
      ],
      { iouThreshold: 0.5 },
    );
    expect(speech.units[0]).toMatchObject({
      family: 'audio_segments',
      score: 0.75,
      attrs: { _transcript: ['hello there', 'hello'] },
    });
  });

  it('pairs classifications by class, then the rest in order', () => {
    const cls = (id: string, classId: string): ComparedRegion => ({ id, type: 'classification', classId });
    const { units } = compareAnnotations(
      [
        { annotatorId: 'a', regions: [cls('1', 'rain'), cls('2', 'night')] },
        { annotatorId: 'b', regions: [cls('3', 'night'), cls('4', 'fog')] },
        { annotatorId: 'c', regions: [] },
      ],
      { iouThreshold: 0.5 },
    );
    const summary = units.map((u) => `${u.a}${u.b}:${u.ca ?? '-'}/${u.cb ?? '-'}`);
    expect(summary).toEqual(['ab:night/night', 'ab:rain/fog', 'ac:rain/-', 'ac:night/-', 'bc:night/-', 'bc:fog/-']);
  });

  it('compares boxes with polygons, tracks frame by frame, events by inclusive frames; skips malformed geometry', () => {
    const { units, skipped } = compareAnnotations(
      [
        {
          annotatorId: 'a',
          regions: [
            box('b', 'car', 0, 0, 0.5, 0.5),
            staticTrack('t', 0, 9),
            { id: 'e', type: 'event', classId: 'brake', start: 3, end: 5 },
            { id: 'bad', type: 'bbox', classId: 'car', x: 2 },
          ],
        },
        {
          annotatorId: 'b',
          regions: [
            {
              id: 'p',
              type: 'polygon',
              classId: 'car',
              points: [
                [0, 0],
                [0.5, 0],
                [0.5, 0.5],
                [0, 0.5],
              ],
            },
            staticTrack('u', 5, 14),
            { id: 'f', type: 'event', classId: 'brake', start: 4, end: 5 },
            { id: 'what', type: 'mesh', classId: 'car' },
          ],
        },
      ],
      { iouThreshold: 0.3 },
    );
    expect(skipped).toBe(2);
    const score = (family: string) => units.find((u) => u.family === family)!.score;
    expect(score('regions')).toBeCloseTo(1, 10);
    expect(score('video_tracks')).toBeCloseTo(5 / 15, 10);
    expect(score('events')).toBeCloseTo(2 / 3, 10);
  });
});
