import { geometryOf } from '../schemas/geometry';
import type { CreateWriter } from './format-writer';
import { compareStrings, safeBase, textLines } from './text-format';

// NIST RTTM speaker turns: rttm/<base>.rttm for every audio item, empty when it has no turns (a
// missing file would read as "not labeled", an empty one as "no speech"). One SPEAKER line per
// audio_segment region; other region types, segments shorter than a millisecond and classes not in
// the pinned taxonomy are skipped. The speaker is the `speaker` attribute when it is a non-empty
// string (whitespace becomes '_', since RTTM fields are space-separated), else the class id.

/** Seconds with exactly 3 decimals from integer milliseconds, free of float noise. */
const seconds = (ms: number) => `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}`;

export const createRttmWriter: CreateWriter = (ctx) => {
  const classIds = new Set(ctx.classes.map((c) => c.id));
  return {
    item(item) {
      if (item.kind !== 'AUDIO') return [];
      const base = safeBase(item);
      const turns: { start: number; end: number; speaker: string; id: string }[] = [];
      for (const region of item.regions) {
        const segment = region.type === 'audio_segment' ? geometryOf('audio_segment', region) : null;
        if (!segment || !classIds.has(region.classId)) continue;
        const [start, end] = [Math.round(segment.start * 1000), Math.round(segment.end * 1000)];
        if (end <= start) continue;
        const attribute = region.attributes.speaker;
        const named = typeof attribute === 'string' ? attribute.trim().replace(/\s+/g, '_') : '';
        turns.push({ start, end, speaker: named === '' ? region.classId : named, id: region.id });
      }
      turns.sort(
        (a, b) => a.start - b.start || a.end - b.end || compareStrings(a.speaker, b.speaker) || compareStrings(a.id, b.id),
      );
      const lines = turns.map(
        (t) => `SPEAKER ${base} 1 ${seconds(t.start)} ${seconds(t.end - t.start)} <NA> <NA> ${t.speaker} <NA> <NA>`,
      );
      return [{ path: `rttm/${base}.rttm`, content: textLines(lines) }];
    },
    finish: () => [],
  };
};
