'use client';

import { useMemo, useRef, useState } from 'react';
import type { Outcome } from '@/lib/annotate/patch';
import { begin, commit, createHistory, end, redo, undo, type History } from '@/lib/annotate/history';
import type { EditorRegion, Patch } from '@/lib/annotate/patch';
import type { TRegion } from '@/lib/schemas/workflow';

/**
 * The annotation being edited, for every editor: its undo history and the selection, kept in step
 * with the autosaving editor (`change` goes to the local draft and the server). A change made
 * outside the history (a stale draft applied) becomes one undoable step.
 */
export function useRegionDocument(saved: { regions: TRegion[]; change: (next: TRegion[]) => void }) {
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
    selected,
    /** The document as it is now, also between renders (a handler that runs twice in one frame). */
    current: () => current.current.regions,
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
  };
}

export type RegionDocument = ReturnType<typeof useRegionDocument>;
