import type { TRegion } from '../schemas/workflow';

// The editor's document is the annotation's region list, in z-order (later = drawn on top). Every
// change is a patch: a list of inserts, removes and replacements at indexes, which can be applied
// and inverted. The history stores patches, not copies of the document, so an undo entry costs what
// it changed, not what the image holds (10,000 boxes would make a snapshot per gesture 80 KB).

export type EditorRegion = TRegion & {
  /** Hidden regions are not drawn and cannot be hit; locked ones can be selected but not edited. */
  hidden?: boolean;
  locked?: boolean;
};

export type PatchOp =
  | { kind: 'insert'; index: number; region: EditorRegion }
  | { kind: 'remove'; index: number; region: EditorRegion }
  | { kind: 'replace'; index: number; before: EditorRegion; after: EditorRegion };

export type Patch = readonly PatchOp[];

/** Applies the operations in order (each index refers to the list as the previous ones left it). */
export function applyPatch(regions: readonly EditorRegion[], patch: Patch): EditorRegion[] {
  const next = regions.slice();
  for (const op of patch) {
    if (op.kind === 'insert') next.splice(op.index, 0, op.region);
    else if (op.kind === 'remove') {
      if (next[op.index]?.id !== op.region.id) throw new Error(`patch out of step: no ${op.region.id} at ${op.index}`);
      next.splice(op.index, 1);
    } else {
      if (next[op.index]?.id !== op.before.id) throw new Error(`patch out of step: no ${op.before.id} at ${op.index}`);
      next[op.index] = op.after;
    }
  }
  return next;
}

/** The patch that undoes `patch`: each operation reversed, in reverse order. */
export function invertPatch(patch: Patch): Patch {
  return patch
    .slice()
    .reverse()
    .map((op): PatchOp => {
      if (op.kind === 'insert') return { kind: 'remove', index: op.index, region: op.region };
      if (op.kind === 'remove') return { kind: 'insert', index: op.index, region: op.region };
      return { kind: 'replace', index: op.index, before: op.after, after: op.before };
    });
}

/**
 * `first` then `second` as one patch. Replacements of the same index in a row collapse into one
 * (a drag of 200 pointer moves is one entry holding the region before and after), so a gesture's
 * history entry stays the size of what it touched.
 */
export function composePatches(first: Patch, second: Patch): Patch {
  const out = first.slice();
  for (const op of second) {
    const last = out[out.length - 1];
    if (op.kind === 'replace' && last?.kind === 'replace' && last.index === op.index && last.after.id === op.before.id) {
      out[out.length - 1] = { kind: 'replace', index: op.index, before: last.before, after: op.after };
    } else out.push(op);
  }
  return out;
}

/** An edit: its patch and, when it changes it, the new selection. */
export interface Outcome {
  patch: Patch;
  /** The new selection; undefined leaves it as it was. */
  select?: string[];
}
