import type { Segment } from '@/lib/annotate/audio/segments';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { WaveSegment } from './waveform-binding';

/** The segments as the waveform draws them: class color, a label with the speaker, selection and problems. */
export function waveSegments(
  sorted: readonly Segment[],
  classes: readonly TTaxonomyClass[],
  state: {
    selected: ReadonlySet<string>;
    problems: ReadonlyMap<string, unknown>;
    editable: boolean;
    diff?: ReadonlyMap<string, WaveSegment['diff']>;
  },
): WaveSegment[] {
  const byClass = new Map(classes.map((c) => [c.id, c]));
  return sorted.map((s) => {
    const cls = byClass.get(s.classId);
    const speaker = s.attributes.speaker;
    return {
      id: s.id,
      start: s.start,
      end: s.end,
      color: cls?.color ?? '#a1a1aa',
      label: `${cls?.name ?? s.classId}${typeof speaker === 'string' && speaker ? ` · ${speaker}` : ''}`,
      selected: state.selected.has(s.id),
      flagged: state.problems.has(s.id),
      editable: state.editable && !s.locked,
      diff: state.diff?.get(s.id) ?? null,
    };
  });
}
