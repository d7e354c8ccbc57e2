import { removeRegions } from '@/lib/annotate/commands';
import { newRegionId } from '@/lib/annotate/region-id';
import {
  boxOnFrame,
  deleteKeyframe,
  endTrack,
  mergeTracks,
  setKeyframe,
  setKeyframeState,
  splitTrack,
  type Track,
} from '@/lib/annotate/video/tracks';
import type { RefObject } from 'react';
import type { Shortcut } from '@/components/workflow/keyboard-shortcuts';
import type { RegionDocument } from '../use-region-document';
import { shownBox } from './frame-boxes';
import type { DraftControl } from './video-overlay';
import { PLAYBACK_RATES, type VideoBinding } from './video-binding';

// The video editor's keys, beside the pass's own (Enter submit, S skip, F flag) and the class keys.
// Letters a class must not take, so its hotkey falls back to a digit (components/workflow/hotkeys.ts).
export const VIDEO_KEYS = new Set(['k', 'x', 'o', 'c', 'b', 'm', 'e', 'g', 'p', 's', 'f']);

export interface PlaybackKeyContext {
  video: VideoBinding | null;
  stepRate: (direction: 1 | -1) => void;
  focusGoTo: () => void;
}

/** Keys that only play and look: they work on a read-only item too. */
export function playbackShortcuts({ video, stepRate, focusGoTo }: PlaybackKeyContext): Shortcut[] {
  const step = (delta: number) => () => void video?.step(delta);
  return [
    { always: true, key: 'space', label: 'Play / pause', run: () => void video?.playPause() },
    { always: true, key: 'arrowright', label: 'Next frame', run: step(1) },
    { always: true, key: 'arrowleft', label: 'Previous frame', run: step(-1) },
    { always: true, key: 'shift+arrowright', label: '10 frames on', run: step(10) },
    { always: true, key: 'shift+arrowleft', label: '10 frames back', run: step(-10) },
    { always: true, key: 'home', label: 'First frame', run: () => void video?.seekFrame(0) },
    { always: true, key: 'end', label: 'Last frame', run: () => void video?.seekFrame(Number.MAX_SAFE_INTEGER) },
    { always: true, key: '>', label: 'Faster', run: () => stepRate(1) },
    { always: true, key: '<', label: 'Slower', run: () => stepRate(-1) },
    { always: true, key: 'g', label: 'Go to a frame number', run: focusGoTo },
  ];
}

export interface DrawKeyContext {
  /** A polygon is being drawn on the overlay. */
  drafting: boolean;
  draft: RefObject<DraftControl | null>;
  /** The chosen class may track polygons. */
  polygonAllowed: boolean;
  tool: 'box' | 'polygon';
  setTool: (tool: 'box' | 'polygon') => void;
}

/** The drawing keys: P switches box / polygon; while a polygon is drawn, Enter closes it and Escape drops it. */
export function drawShortcuts({ drafting, draft, polygonAllowed, tool, setTool }: DrawKeyContext): Shortcut[] {
  const drawing: Shortcut[] = drafting
    ? [
        { key: 'enter', label: 'Close the polygon (three points or more)', run: () => draft.current?.closeDraft() ?? false },
        { key: 'escape', label: 'Drop the polygon being drawn', run: () => draft.current?.cancelDraft() ?? false },
      ]
    : [];
  if (!polygonAllowed) return drawing;
  return [...drawing, { key: 'p', label: 'Polygon / box tool', run: () => setTool(tool === 'polygon' ? 'box' : 'polygon') }];
}

export interface EditKeyContext {
  doc: RegionDocument;
  frame: () => number;
  /** The selected tracks, in document order. */
  tracks: () => Track[];
  markEvent: () => void;
  notify: (message: string) => void;
}

/** Keys that edit: only bound while the item is the caller's and open. */
export function editShortcuts({ doc, frame, tracks, markEvent, notify }: EditKeyContext): Shortcut[] {
  const one = () => tracks()[0] ?? null;
  const onTrack = (edit: (t: Track, f: number) => void) => () => {
    const t = one();
    if (!t) return false;
    edit(t, frame());
  };
  return [
    {
      key: 'k',
      label: 'Keyframe here (the box as shown)',
      run: onTrack((t, f) => {
        const box = shownBox(t, f);
        if (box) doc.run((r) => setKeyframe(r, t.id, f, box));
      }),
    },
    { key: 'x', label: 'Delete the keyframe on this frame', run: onTrack((t, f) => doc.run((r) => deleteKeyframe(r, t.id, f))) },
    { key: 'o', label: 'The object leaves the view here', run: onTrack((t, f) => doc.run((r) => endTrack(r, t.id, f))) },
    {
      key: 'c',
      label: 'Occluded on / off from here',
      run: onTrack((t, f) => {
        const state = boxOnFrame(t, f)?.state === 'occluded' ? 'visible' : 'occluded';
        doc.run((r) => setKeyframeState(r, t.id, f, state));
      }),
    },
    {
      key: 'b',
      label: 'Split the track here',
      run: onTrack((t, f) => {
        const id = newRegionId();
        doc.apply({ patch: splitTrack(doc.current(), t.id, f, id), select: [id] });
      }),
    },
    {
      key: 'm',
      label: 'Merge the selected tracks',
      run: () => {
        const chosen = tracks();
        if (chosen.length < 2) return false;
        const merged = mergeTracks(
          doc.current(),
          chosen.map((t) => t.id),
        );
        if (merged.ok) doc.apply({ patch: merged.patch, select: [chosen[0]!.id] });
        else notify(merged.reason);
      },
    },
    { key: 'e', label: 'Mark an event: its first frame, then its last', run: markEvent },
    { key: 'delete', label: 'Delete the selection', run: () => void doc.run((r) => removeRegions(r, [...doc.selected])) },
    { key: 'backspace', label: 'Delete the selection', run: () => void doc.run((r) => removeRegions(r, [...doc.selected])) },
    { key: 'escape', label: 'Deselect', run: () => void doc.select([]) },
    { key: 'mod+z', label: 'Undo', run: doc.undo },
    { key: 'mod+shift+z', label: 'Redo', run: doc.redo },
    { key: 'mod+y', label: 'Redo', run: doc.redo },
  ];
}

export function nextRate(rate: number, direction: 1 | -1): number {
  const i = PLAYBACK_RATES.findIndex((r) => r === rate);
  return PLAYBACK_RATES[Math.min(PLAYBACK_RATES.length - 1, Math.max(0, (i < 0 ? 2 : i) + direction))]!;
}
