import { describe, expect, it } from 'vitest';
import { newTrack } from '@/lib/annotate/video/tracks';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { frameBoxes } from './frame-boxes';

const car: TTaxonomyClass = {
  id: 'car',
  name: 'Car',
  color: '#ff0000',
  hotkey: null,
  geometries: ['video_track'],
  attributes: [],
  description: '',
};
const track = newTrack({ id: 't1', classId: 'car', frame: 10, box: { x: 0.1, y: 0.1, w: 0.2, h: 0.2 } });
const at = (frame: number, editable: boolean) =>
  frameBoxes([track], frame, [car], { selected: new Set(), editable }).map((b) => ({ id: b.id, held: b.held }));

describe('frameBoxes', () => {
  it('holds a track’s last box past its last keyframe for the annotator to move on, faint', () => {
    expect(at(10, true)).toEqual([{ id: 't1', held: false }]);
    expect(at(25, true)).toEqual([{ id: 't1', held: true }]);
    expect(at(5, true)).toEqual([]);
  });

  it('shows no held box read-only (review): the object is not known to be there', () => {
    expect(at(10, false)).toEqual([{ id: 't1', held: false }]);
    expect(at(25, false)).toEqual([]);
  });
});
