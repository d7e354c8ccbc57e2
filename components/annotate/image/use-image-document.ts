'use client';

import { useMemo, useRef, useState } from 'react';
import { pasteRegions } from '@/lib/annotate/commands';
import type { Outcome } from '@/lib/annotate/gestures';
import { begin, commit, createHistory, end, redo, undo, type History } from '@/lib/annotate/history';
import { buildHitIndex } from '@/lib/annotate/hit-test';
import type { EditorRegion, Patch } from '@/lib/annotate/patch';
import type { TRegion } from '@/lib/schemas/workflow';
import { readClipboard, writeClipboard } from './clipboard';

/**
 * The image annotation being edited: its undo history, the selection, and the hit index, kept in
 * step with the autosaving editor (`change` goes to the local draft and the server). A change made
 * outside the history (a stale draft applied) becomes one undoable step.
 */
export function useImageDocument(saved: { regions: TRegion[]; change: (next: TRegion[]) => void }, newId: () => string) {
  const [history, setHistory] = useState<History>(() => createHistory(saved.regions));
  const current = useRef(history);
  const [selection, setSelection] = useState<ReadonlySet<string>>(() => new Set());
  const pushed = useRef(saved.regions);

  function replaceHistory(next: History) {
    const changed = next.regions !== current.current.regions;
    current.current = next;
    setHistory(next);
    if (changed) {
      pushed.current = next.regions as TRegion[];
      saved.change(next.regions as TRegion[]);
    }
  }

  if (saved.regions !== pushed.current && saved.regions !== current.current.regions) {
    const before = current.current.regions;
    const all: Patch = [
      ...before.map((region, i) => ({
        kind: 'remove' as const,
        index: before.length - 1 - i,
        region: before[before.length - 1 - i]!,
      })),
      ...saved.regions.map((region, index) => ({ kind: 'insert' as const, index, region })),
    ];
    pushed.current = saved.regions;
    const next = commit(current.current, all);
    current.current = next;
    setHistory(next);
  }

  const regions = history.regions;
  const index = useMemo(() => buildHitIndex(regions), [regions]);
  // Ids that an undo removed drop out of the selection.
  const selected = useMemo(() => {
    if (selection.size === 0) return selection;
    const live = new Set(regions.map((r) => r.id));
    const kept = [...selection].filter((id) => live.has(id));
    return kept.length === selection.size ? selection : new Set(kept);
  }, [selection, regions]);

  const apply = (outcome: Outcome) => {
    if (outcome.patch.length > 0) replaceHistory(commit(current.current, outcome.patch));
    if (outcome.select) setSelection(new Set(outcome.select));
  };
  const run = (make: (regions: readonly EditorRegion[]) => Patch) => apply({ patch: make(current.current.regions) });

  return {
    regions,
    index,
    selected,
    canUndo: history.undo.length > 0 || (history.open?.length ?? 0) > 0,
    canRedo: history.redo.length > 0,
    apply,
    run,
    select: (ids: Iterable<string>) => setSelection(new Set(ids)),
    undo: () => replaceHistory(undo(current.current)),
    redo: () => replaceHistory(redo(current.current)),
    /** Typing into an attribute: every keystroke joins one undo step until `endEdit`. */
    beginEdit: () => replaceHistory(begin(current.current)),
    endEdit: () => replaceHistory(end(current.current)),
    copy: () => writeClipboard(current.current.regions.filter((r) => selected.has(r.id))),
    paste: () => {
      const clipboard = readClipboard();
      if (clipboard.regions.length === 0) return;
      // On the image they came from, copies step aside so they do not hide the originals; on the next image they land in place.
      const ids = new Set(current.current.regions.map((r) => r.id));
      const here = clipboard.regions.some((r) => ids.has(r.id));
      const patch = pasteRegions(current.current.regions, clipboard.regions, newId, here ? 0.01 * (clipboard.pastes + 1) : 0);
      writeClipboard(clipboard.regions, clipboard.pastes + 1);
      apply({ patch, select: patch.flatMap((op) => (op.kind === 'insert' ? [op.region.id] : [])) });
    },
  };
}

export type ImageDocument = ReturnType<typeof useImageDocument>;
