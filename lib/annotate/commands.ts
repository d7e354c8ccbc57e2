import { clampDelta, regionBounds, translateRegion, type Bounds } from './geometry';
import type { EditorRegion, Patch, PatchOp } from './patch';

// What the editor can do to the document, each as a function of the current regions that returns the
// patch to commit (history.ts). Locked regions are left alone by every edit except unlocking.

const indexById = (regions: readonly EditorRegion[]) => new Map(regions.map((r, i) => [r.id, i]));

function editable(regions: readonly EditorRegion[], ids: Iterable<string>) {
  const index = indexById(regions);
  return [...new Set(ids)].flatMap((id) => {
    const i = index.get(id);
    return i === undefined || regions[i]!.locked ? [] : [i];
  });
}

/** Replaces each editable region among `ids` with `change(region)`; unchanged ones make no operation. */
export function updateRegions(
  regions: readonly EditorRegion[],
  ids: Iterable<string>,
  change: (region: EditorRegion) => EditorRegion,
): Patch {
  return editable(regions, ids).flatMap((i): PatchOp[] => {
    const before = regions[i]!;
    const after = change(before);
    return after === before ? [] : [{ kind: 'replace', index: i, before, after }];
  });
}

export function addRegions(regions: readonly EditorRegion[], added: readonly EditorRegion[]): Patch {
  const taken = new Set(regions.map((r) => r.id));
  return added.map((region, k) => {
    if (taken.has(region.id)) throw new Error(`region id ${region.id} is taken`);
    taken.add(region.id);
    return { kind: 'insert', index: regions.length + k, region };
  });
}

/** Removes the editable regions among `ids`, from the top of the z-order down so each index stays valid. */
export function removeRegions(regions: readonly EditorRegion[], ids: Iterable<string>): Patch {
  return editable(regions, ids)
    .sort((a, b) => b - a)
    .map((i) => ({ kind: 'remove', index: i, region: regions[i]! }));
}

/**
 * Moves the editable regions among `ids` together by (dx, dy), shrinking the move so that every one
 * of them stays on the image: a selection keeps its shape against the border.
 */
export function moveRegions(regions: readonly EditorRegion[], ids: Iterable<string>, dx: number, dy: number): Patch {
  const moving = editable(regions, ids);
  const union = moving
    .map((i) => regionBounds(regions[i]!))
    .reduce<Bounds | null>(
      (u, b) =>
        b === null
          ? u
          : u === null
            ? b
            : { x0: Math.min(u.x0, b.x0), y0: Math.min(u.y0, b.y0), x1: Math.max(u.x1, b.x1), y1: Math.max(u.y1, b.y1) },
      null,
    );
  if (union === null) return [];
  const [cx, cy] = clampDelta(union, dx, dy);
  if (cx === 0 && cy === 0) return [];
  return updateRegions(
    regions,
    moving.map((i) => regions[i]!.id),
    (r) => translateRegion(r, cx, cy),
  );
}

/**
 * Relabels the regions: the attributes the new class does not define are dropped (a Speech segment's
 * speaker means nothing on Music, and the server would refuse the save); the ones it shares stay.
 */
export function setClass(
  regions: readonly EditorRegion[],
  ids: Iterable<string>,
  klass: { id: string; attributes: readonly { id: string }[] },
): Patch {
  const known = new Set(klass.attributes.map((a) => a.id));
  return updateRegions(regions, ids, (r) => {
    if (r.classId === klass.id) return r;
    const attributes = Object.fromEntries(Object.entries(r.attributes).filter(([id]) => known.has(id)));
    return { ...r, classId: klass.id, attributes };
  });
}

export function setAttribute(
  regions: readonly EditorRegion[],
  id: string,
  attributeId: string,
  value: string | number | boolean | null,
): Patch {
  return updateRegions(regions, [id], (r) =>
    r.attributes[attributeId] === value ? r : { ...r, attributes: { ...r.attributes, [attributeId]: value } },
  );
}

/** Hides/shows or locks/unlocks regions; unlocking is the one edit a locked region takes. */
export function setFlag(regions: readonly EditorRegion[], ids: Iterable<string>, flag: 'hidden' | 'locked', on: boolean): Patch {
  const index = indexById(regions);
  return [...new Set(ids)].flatMap((id): PatchOp[] => {
    const i = index.get(id);
    if (i === undefined) return [];
    const before = regions[i]!;
    if (Boolean(before[flag]) === on || (flag === 'hidden' && before.locked)) return [];
    return [{ kind: 'replace', index: i, before, after: { ...before, [flag]: on } }];
  });
}

/** Brings the regions among `ids` to the front (drawn last) or sends them to the back, keeping their order. */
export function reorder(regions: readonly EditorRegion[], ids: Iterable<string>, to: 'front' | 'back'): Patch {
  const chosen = new Set(editable(regions, ids));
  if (chosen.size === 0) return [];
  const moved = [...chosen].sort((a, b) => a - b).map((i) => regions[i]!);
  const rest = regions.filter((_, i) => !chosen.has(i));
  const target = to === 'front' ? [...rest, ...moved] : [...moved, ...rest];
  if (target.every((r, i) => r === regions[i])) return [];
  const removes: PatchOp[] = [...chosen].sort((a, b) => b - a).map((i) => ({ kind: 'remove', index: i, region: regions[i]! }));
  const inserts: PatchOp[] = moved.map((region, k) => ({ kind: 'insert', index: to === 'front' ? rest.length + k : k, region }));
  return [...removes, ...inserts];
}

/**
 * Pasted copies of `clipboard` (from this image or the previous one) with fresh ids, offset so they do
 * not hide the originals when pasted onto the same image, and unlocked.
 */
export function pasteRegions(
  regions: readonly EditorRegion[],
  clipboard: readonly EditorRegion[],
  newId: () => string,
  offset = 0,
): Patch {
  const copies = clipboard.map((r) => {
    const copy = { ...r, id: newId(), locked: false, hidden: false };
    const bounds = regionBounds(copy);
    if (!bounds || offset === 0) return copy;
    const [dx, dy] = clampDelta(bounds, offset, offset);
    return translateRegion(copy, dx, dy);
  });
  return addRegions(regions, copies);
}

/** Accepts model suggestions among `ids`: they become the annotator's own regions (rejecting one is removing it). */
export function acceptSuggestions(regions: readonly EditorRegion[], ids: Iterable<string>): Patch {
  return updateRegions(regions, ids, (r) => {
    if (r.suggestion === undefined) return r;
    const { suggestion: _suggestion, ...own } = r;
    return own as EditorRegion;
  });
}
