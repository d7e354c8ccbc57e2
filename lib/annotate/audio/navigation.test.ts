import { describe, expect, it } from 'vitest';
import type { TTaxonomyClass } from '../../schemas/taxonomy';
import { currentSegment, nextSegment, previousSegment, segmentsAt, snapCandidates, snapTime } from './navigation';
import { segmentProblems } from './segment-problems';
import { newSegment, segmentsInTime, type Segment } from './segments';

const seg = (id: string, start: number, end: number, extra: Partial<Segment> = {}): Segment => ({
  ...newSegment({ id, classId: 'speech', start, end, duration: 100 }),
  ...extra,
});
const sorted = segmentsInTime([seg('c', 6, 8), seg('a', 1, 3), seg('b', 2, 5)]);

describe('navigation among segments', () => {
  it('finds the segments under a time, overlapping ones included', () => {
    expect(segmentsAt(sorted, 2.5).map((s) => s.id)).toEqual(['a', 'b']);
    expect(segmentsAt(sorted, 5.5)).toEqual([]);
    expect(currentSegment(sorted, 2.5)?.id).toBe('b');
  });

  it('steps to the next and previous segment start', () => {
    expect(nextSegment(sorted, 0)?.id).toBe('a');
    expect(nextSegment(sorted, 1)?.id).toBe('b');
    expect(nextSegment(sorted, 6)).toBeNull();
    // At the start of b, "previous" goes to a, not to b itself.
    expect(previousSegment(sorted, 2)?.id).toBe('a');
    expect(previousSegment(sorted, 2.5)?.id).toBe('b');
    expect(previousSegment(sorted, 1)).toBeNull();
  });

  it('snaps to the nearest candidate within the tolerance only', () => {
    const candidates = snapCandidates(sorted, 'b', [4.2]);
    expect(candidates).not.toContain(5);
    expect(snapTime(2.97, candidates, 0.05)).toBe(3);
    expect(snapTime(4.18, candidates, 0.05)).toBe(4.2);
    expect(snapTime(4.5, candidates, 0.05)).toBe(4.5);
  });
});

const classes: TTaxonomyClass[] = [
  {
    id: 'speech',
    name: 'Speech',
    color: '#000000',
    hotkey: '1',
    geometries: ['audio_segment'],
    attributes: [],
    description: '',
    transcribed: true,
  },
  { id: 'music', name: 'Music', color: '#000000', hotkey: '2', geometries: ['audio_segment'], attributes: [], description: '' },
];

describe('segment problems', () => {
  it('flags empty transcripts of transcribed classes only', () => {
    const regions = [seg('a', 1, 2, { text: '  ' }), seg('m', 3, 4, { classId: 'music' }), seg('t', 5, 6, { text: 'ok' })];
    expect(segmentProblems(regions, classes, 10).map((p) => [p.regionId, p.field, p.blocking])).toEqual([
      ['a', 'text', 'submit'],
    ]);
  });

  it('flags a segment past the end of the file, with a slack for rounding', () => {
    const regions = [seg('a', 8, 10.0005, { text: 'x' }), seg('b', 10.5, 12, { text: 'x' })];
    const problems = segmentProblems(regions, classes, 10);
    expect(problems.map((p) => p.regionId)).toEqual(['b']);
    expect(problems[0]!.message).toBe('Speech at 10.50 s ends after the file does (12.00 s of 10.00 s)');
    expect(segmentProblems(regions, classes, null)).toEqual([]);
  });

  it('flags one speaker overlapping themselves, not two speakers talking at once', () => {
    const a = (id: string, start: number, end: number, speaker: string) =>
      seg(id, start, end, { text: 'x', attributes: { speaker } });
    const regions = [a('1', 0, 5, 'A'), a('2', 1, 2, 'B'), a('3', 4, 6, 'A'), a('4', 6, 7, 'A')];
    expect(segmentProblems(regions, classes, 10).map((p) => p.regionId)).toEqual(['3']);
  });

  it('is silenced by marking the segment intentional', () => {
    const regions = [seg('a', 1, 2, { intentional: true }), seg('b', 9, 12, { text: 'x', intentional: true })];
    expect(segmentProblems(regions, classes, 10)).toEqual([]);
  });
});
