import { canonicalJson } from '../canonical-json';
import type { EditorRegion } from './patch';

// What changed between two versions of an image annotation, matched by region id (ids are stable
// across saves, copies get new ones): added and changed regions of `current`, and the regions of
// `other` that `current` no longer has. Editor-only flags (hidden, locked) are not changes.

export type RegionChange = 'added' | 'removed' | 'changed';

function contentOf(region: EditorRegion): string {
  const { hidden: _hidden, locked: _locked, ...rest } = region;
  return canonicalJson(rest);
}

export function diffRegions(current: readonly EditorRegion[], other: readonly EditorRegion[]) {
  const before = new Map(other.map((r) => [r.id, r]));
  const now = new Set(current.map((r) => r.id));
  const changes = new Map<string, RegionChange>();
  for (const r of current) {
    const old = before.get(r.id);
    if (!old) changes.set(r.id, 'added');
    else if (contentOf(old) !== contentOf(r)) changes.set(r.id, 'changed');
  }
  const removed = other.filter((r) => !now.has(r.id));
  for (const r of removed) changes.set(r.id, 'removed');
  return { changes, removed };
}
