import { applyPatch, composePatches, invertPatch, type EditorRegion, type Patch } from './patch';

// Undo and redo over patches. A gesture (a drag, a resize, typing into an attribute) is opened with
// `begin` and every change until `end` joins one entry, so one Ctrl+Z undoes one thing the person
// did. The stack keeps the newest `limit` entries.

export interface History {
  regions: readonly EditorRegion[];
  undo: readonly Patch[];
  redo: readonly Patch[];
  /** The entry being built while a gesture is open. */
  open: Patch | null;
  limit: number;
}

export const HISTORY_LIMIT = 200;

export function createHistory(regions: readonly EditorRegion[], limit = HISTORY_LIMIT): History {
  return { regions, undo: [], redo: [], open: null, limit };
}

function pushEntry(history: History, patch: Patch): Pick<History, 'undo' | 'redo'> {
  if (patch.length === 0) return { undo: history.undo, redo: history.redo };
  const undo = [...history.undo, patch];
  return { undo: undo.length > history.limit ? undo.slice(undo.length - history.limit) : undo, redo: [] };
}

/** Applies a change: into the open gesture when there is one, else as an entry of its own. */
export function commit(history: History, patch: Patch): History {
  if (patch.length === 0) return history;
  const regions = applyPatch(history.regions, patch);
  if (history.open) return { ...history, regions, open: composePatches(history.open, patch) };
  return { ...history, regions, ...pushEntry(history, patch) };
}

export function begin(history: History): History {
  return history.open ? history : { ...history, open: [] };
}

export function end(history: History): History {
  if (!history.open) return history;
  return { ...history, open: null, ...pushEntry(history, history.open) };
}

export function undo(history: History): History {
  const closed = end(history);
  const entry = closed.undo[closed.undo.length - 1];
  if (!entry) return closed;
  return {
    ...closed,
    regions: applyPatch(closed.regions, invertPatch(entry)),
    undo: closed.undo.slice(0, -1),
    redo: [...closed.redo, entry],
  };
}

export function redo(history: History): History {
  const closed = end(history);
  const entry = closed.redo[closed.redo.length - 1];
  if (!entry) return closed;
  return {
    ...closed,
    regions: applyPatch(closed.regions, entry),
    undo: [...closed.undo, entry],
    redo: closed.redo.slice(0, -1),
  };
}
