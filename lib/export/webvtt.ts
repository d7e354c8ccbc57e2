import { geometryOf } from '../schemas/geometry';
import type { CreateWriter } from './format-writer';
import { compareStrings, safeBase } from './text-format';

// WebVTT transcripts: vtt/<base>.vtt per audio item with at least one cue. A cue comes from an
// audio_segment region with non-empty text; segments without text, shorter than a millisecond
// (the spec requires end > start) or of a class not in the pinned taxonomy are skipped, and so
// are all other region types. Cue identifiers are 1-based numbers because region ids could
// contain "-->". A string attribute `speaker` becomes a voice span `<v Speaker>`.

/** `HH:MM:SS.mmm`, hours growing past two digits when needed (allowed by the spec). */
export function vttTimestamp(ms: number): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(ms % 1000, 3)}`;
}

const escapeCueText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Cue text lines: a blank line would end the cue early, so blank lines are dropped. */
const cueLines = (text: string) =>
  text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .map(escapeCueText);

interface Cue {
  start: number;
  end: number;
  id: string;
  speaker: string | null;
  lines: string[];
}

export const createWebVttWriter: CreateWriter = (ctx) => {
  const classIds = new Set(ctx.classes.map((c) => c.id));
  return {
    item(item) {
      if (item.kind !== 'AUDIO') return [];
      const cues: Cue[] = [];
      for (const region of item.regions) {
        const segment = region.type === 'audio_segment' ? geometryOf('audio_segment', region) : null;
        if (!segment || !classIds.has(region.classId)) continue;
        const lines = cueLines(segment.text ?? '');
        const [start, end] = [Math.round(segment.start * 1000), Math.round(segment.end * 1000)];
        if (lines.length === 0 || end <= start) continue;
        const speaker = region.attributes.speaker;
        const voice = typeof speaker === 'string' ? speaker.replace(/\s+/g, ' ').trim() : '';
        cues.push({ start, end, id: region.id, speaker: voice === '' ? null : escapeCueText(voice), lines });
      }
      if (cues.length === 0) return [];
      cues.sort((a, b) => a.start - b.start || a.end - b.end || compareStrings(a.id, b.id));
      const blocks = cues.map((cue, i) => {
        const text = cue.speaker ? [`<v ${cue.speaker}>${cue.lines[0]}`, ...cue.lines.slice(1)] : cue.lines;
        return [String(i + 1), `${vttTimestamp(cue.start)} --> ${vttTimestamp(cue.end)}`, ...text].join('\n');
      });
      return [{ path: `vtt/${safeBase(item)}.vtt`, content: `WEBVTT\n\n${blocks.join('\n\n')}\n` }];
    },
    finish: () => [],
  };
};
