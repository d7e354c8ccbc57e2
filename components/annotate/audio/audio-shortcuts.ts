import { nearestSample } from '@/lib/annotate/audio/lens';
import { nextSegment, previousSegment } from '@/lib/annotate/audio/navigation';
import { mergeSegments, nudgeEdge, setIntentional, splitSegment, type Segment } from '@/lib/annotate/audio/segments';
import { removeRegions } from '@/lib/annotate/commands';
import { newRegionId } from '@/lib/annotate/region-id';
import type { RefObject } from 'react';
import type { Shortcut } from '@/components/workflow/keyboard-shortcuts';
import type { RegionDocument } from '../use-region-document';
import type { WaveformBinding } from './waveform-binding';

// The audio editor's keys, beside the pass's own (Enter submit, S skip, F flag) and the class keys.
// Letters a class must not take, so its hotkey falls back to a digit (components/workflow/hotkeys.ts).
export const AUDIO_KEYS = new Set(['i', 'o', 'p', 'l', 'c', 'm', 't', 'k', 'n', 'j', 'g', 's', 'f', '0', '=', '-']);

export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export interface PlaybackKeyContext {
  wave: WaveformBinding | null;
  /** Segments in time order. */
  sorted: readonly Segment[];
  /** The segment the keys act on: the selected one, else the one under the playhead. */
  target: () => Segment | null;
  select: (id: string) => void;
  toggleLoop: () => boolean | void;
  stopLoop: () => void;
  toggleSpectrogram: () => void;
  stepRate: (direction: 1 | -1) => void;
  /** The toolbar's "Go to time" box. */
  goToBox: RefObject<HTMLInputElement | null>;
}

/** A segment's text fields in the list, which a key can put the cursor in. */
export type SegmentField = 'transcript' | 'speaker';

export interface AudioKeyContext extends PlaybackKeyContext {
  doc: RegionDocument;
  durationSec: number;
  markIn: () => void;
  markOut: () => void;
  /** Puts the cursor in a segment's field; false when the segment has none (no speaker attribute). */
  focusField: (id: string, field: SegmentField) => boolean;
  /** Segments whose problems the annotator may mark intentional. */
  waivable: ReadonlySet<string>;
}

/** Keys that only play and look: they work on a read-only item too. */
export function playbackShortcuts({
  wave,
  sorted,
  select,
  target,
  toggleLoop,
  stopLoop,
  toggleSpectrogram,
  stepRate,
  goToBox,
}: PlaybackKeyContext): Shortcut[] {
  const at = () => wave?.ws.getCurrentTime() ?? 0;
  const jump = (s: Segment | null) => {
    if (!s || !wave) return false;
    wave.seek(s.start);
    select(s.id);
  };
  return [
    { always: true, key: 'space', label: 'Play / pause', run: () => void wave?.ws.playPause() },
    {
      always: true,
      key: 'p',
      label: 'Play the selected segment once',
      run: () => (stopLoop(), playTarget(wave, target(), false)),
    },
    { always: true, key: 'l', label: 'Loop the selected segment on / off', run: toggleLoop },
    { always: true, key: 'arrowleft', label: 'Back 1 s', run: () => wave?.skip(-1) },
    { always: true, key: 'arrowright', label: 'Forward 1 s', run: () => wave?.skip(1) },
    { always: true, key: 'shift+arrowleft', label: 'Back 5 s', run: () => wave?.skip(-5) },
    { always: true, key: 'shift+arrowright', label: 'Forward 5 s', run: () => wave?.skip(5) },
    { always: true, key: 'arrowup', label: 'Previous segment', run: () => jump(previousSegment(sorted, at())) },
    { always: true, key: 'arrowdown', label: 'Next segment', run: () => jump(nextSegment(sorted, at())) },
    { always: true, key: '>', label: 'Faster', run: () => stepRate(1) },
    { always: true, key: '<', label: 'Slower', run: () => stepRate(-1) },
    { always: true, key: '=', label: 'Zoom in', run: () => wave?.zoomBy(2) },
    { always: true, key: '-', label: 'Zoom out', run: () => wave?.zoomBy(0.5) },
    { always: true, key: '0', label: 'Whole file', run: () => wave?.fit() },
    { always: true, key: 'g', label: 'Spectrogram on / off', run: toggleSpectrogram },
    {
      always: true,
      key: 'j',
      label: 'Jump: type a time to go to (Enter goes, Escape leaves)',
      run: () => {
        if (!goToBox.current) return false;
        goToBox.current.focus();
        goToBox.current.select();
      },
    },
  ];
}

/** Keys that edit: only bound while the item is the caller's and open. */
export function editShortcuts(context: AudioKeyContext): Shortcut[] {
  const { doc, wave, target, markIn, markOut, focusField, waivable, durationSec, stopLoop } = context;
  const selected = () => [...doc.selected];
  const typeInto = (field: SegmentField) => () => {
    const s = target();
    if (!s) return false;
    doc.select([s.id]);
    return focusField(s.id, field);
  };
  // Edges by 10 ms from the keys, for the precision a drag at a coarse zoom cannot give; with the
  // sample lens open, to the next sample over.
  const nudge = (side: 'start' | 'end', direction: 1 | -1) => () => {
    const s = target();
    if (!s) return false;
    const rate = wave?.lensSampleRate();
    const delta = rate ? nearestSample(s[side] + direction / rate, rate) - s[side] : direction * 0.01;
    doc.run((r) => nudgeEdge(r, s.id, side, delta, durationSec));
  };
  return [
    { key: 'i', label: 'Mark the start of a segment at the playhead', run: markIn },
    { key: 'o', label: 'Mark its end: makes the segment', run: markOut },
    {
      key: 'c',
      label: 'Cut the segment in two at the playhead',
      run: () => {
        const s = target();
        if (!s || !wave) return false;
        const id = newRegionId();
        doc.apply({ patch: splitSegment(doc.current(), s.id, wave.ws.getCurrentTime(), id), select: [id] });
      },
    },
    {
      key: 'm',
      label: 'Merge the selected segments',
      run: () => (doc.selected.size > 1 ? doc.run((r) => mergeSegments(r, selected())) : false),
    },
    { key: 't', label: 'Type the transcript of the selected segment', run: typeInto('transcript') },
    { key: 'k', label: 'Type the speaker of the selected segment', run: typeInto('speaker') },
    {
      key: 'n',
      label: 'Mark the selected segment’s problem intentional / not',
      run: () => {
        const s = target();
        if (!s || !(waivable.has(s.id) || s.intentional)) return false;
        doc.run((r) => setIntentional(r, [s.id], !s.intentional));
      },
    },
    { key: '[', label: 'Start of the segment 10 ms (in the lens: a sample) earlier', run: nudge('start', -1) },
    { key: ']', label: 'Start of the segment 10 ms (in the lens: a sample) later', run: nudge('start', 1) },
    { key: '{', label: 'End of the segment 10 ms (in the lens: a sample) earlier', run: nudge('end', -1) },
    { key: '}', label: 'End of the segment 10 ms (in the lens: a sample) later', run: nudge('end', 1) },
    { key: 'delete', label: 'Delete the selection', run: () => void doc.run((r) => removeRegions(r, selected())) },
    { key: 'backspace', label: 'Delete the selection', run: () => void doc.run((r) => removeRegions(r, selected())) },
    { key: 'escape', label: 'Deselect, stop looping', run: () => void (doc.select([]), stopLoop()) },
    { key: 'mod+z', label: 'Undo', run: doc.undo },
    { key: 'mod+shift+z', label: 'Redo', run: doc.redo },
    { key: 'mod+y', label: 'Redo', run: doc.redo },
  ];
}

export function playTarget(wave: WaveformBinding | null, s: Segment | null, loop: boolean): boolean | void {
  if (!wave || !s) return false;
  wave.playSpan(s.id, loop);
}
