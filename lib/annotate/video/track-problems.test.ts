import { describe, expect, it } from 'vitest';
import type { TTaxonomyClass } from '../../schemas/taxonomy';
import type { EditorRegion } from '../patch';
import { newEvent } from './events';
import { trackProblems } from './track-problems';
import type { Keyframe, Track } from './tracks';

const classes: TTaxonomyClass[] = [
  { id: 'car', name: 'Car', color: '#000000', hotkey: '1', geometries: ['video_track'], attributes: [], description: '' },
  { id: 'goal', name: 'Goal', color: '#000000', hotkey: '2', geometries: ['event'], attributes: [], description: '' },
];
const kf = (frame: number, w = 0.2, state: Keyframe['state'] = 'visible'): Keyframe => ({ frame, x: 0.1, y: 0.1, w, h: 0.2, state });
const track = (id: string, keyframes: Keyframe[], extra: Partial<Track> = {}): Track => ({
  id,
  type: 'video_track',
  classId: 'car',
  attributes: {},
  keyframes,
  ...extra,
});
const event = (id: string, start: number, end: number, extra: Partial<EditorRegion> = {}) => ({
  ...newEvent({ id, classId: 'goal', from: start, to: end, frameCount: 1e9 }),
  ...extra,
});
const FRAMES = 100;

describe('track problems', () => {
  it('flags a keyframe past the last frame, outside ones too, once per track', () => {
    const regions = [track('ok', [kf(0), kf(99)]), track('late', [kf(50), kf(100), kf(120, 0.2, 'outside')])];
    const problems = trackProblems(regions, classes, FRAMES);
    expect(problems).toEqual([
      {
        regionId: 'late',
        index: 1,
        field: 'keyframes',
        message: "Car track from frame 50 has a keyframe after the video's end (frame 100; the last is 99)",
        blocking: 'submit',
      },
    ]);
    expect(trackProblems(regions, classes, null)).toEqual([]);
  });

  it('flags an event ending past the last frame', () => {
    const problems = trackProblems([event('in', 10, 99), event('out', 90, 105)], classes, FRAMES);
    expect(problems.map((p) => [p.regionId, p.field, p.message])).toEqual([
      ['out', 'end', 'Goal event at frame 90 ends after the video does (frame 105; the last is 99)'],
    ]);
  });

  it('flags a box with no area where the object is in view, not on an outside keyframe', () => {
    const regions = [track('flat', [kf(0), kf(5, 0)]), track('gone', [kf(0), kf(5, 0, 'outside')])];
    expect(trackProblems(regions, classes, FRAMES).map((p) => [p.regionId, p.message])).toEqual([
      ['flat', 'Car track from frame 0 has a box with no area at frame 5'],
    ]);
  });

  it('is silenced by marking the region intentional, and ignores other regions', () => {
    const regions: EditorRegion[] = [
      track('t', [kf(0, 0), kf(200)], { intentional: true }),
      event('e', 90, 150, { intentional: true }),
      { id: 'b', type: 'bbox', classId: 'car', attributes: {}, x: 0, y: 0, w: 0, h: 0 },
    ];
    expect(trackProblems(regions, classes, FRAMES)).toEqual([]);
  });

  it('names an unknown class generically', () => {
    const problems = trackProblems([track('t', [kf(0, 0)], { classId: 'gone' })], classes, FRAMES);
    expect(problems[0]!.message).toBe('Object track from frame 0 has a box with no area at frame 0');
  });
});
