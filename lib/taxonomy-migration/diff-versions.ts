import { canonicalJson } from '../canonical-json';
import type { TAttribute, TTaxonomyClass, TTaxonomyDefinition } from '../schemas/taxonomy';

/** How a class differs between two versions: each changed property with its value before and after. */
export interface ClassDiff {
  classId: string;
  name: string;
  change: 'added' | 'removed' | 'changed';
  /** For `changed`: property → [before, after]. Attributes are compared by id (`attributes.<id>`). */
  fields: Record<string, [unknown, unknown]>;
}

// The class properties a diff reports; skeletons and attributes are compared as whole values.
const COMPARED = [
  'name',
  'color',
  'hotkey',
  'geometries',
  'description',
  'parentId',
  'deprecated',
  'transcribed',
  'skeleton',
] as const;

/** The classes added, removed and changed from version `a` to version `b`, in `a`'s order then `b`'s new ones. */
export function diffVersions(a: TTaxonomyDefinition, b: TTaxonomyDefinition): ClassDiff[] {
  const after = new Map(b.classes.map((c) => [c.id, c]));
  const before = new Set(a.classes.map((c) => c.id));
  const diffs = a.classes.flatMap((old): ClassDiff[] => {
    const next = after.get(old.id);
    if (!next) return [{ classId: old.id, name: old.name, change: 'removed', fields: {} }];
    const fields = { ...classFields(old, next), ...attributeFields(old.attributes, next.attributes) };
    return Object.keys(fields).length > 0 ? [{ classId: old.id, name: next.name, change: 'changed', fields }] : [];
  });
  const added = b.classes
    .filter((c) => !before.has(c.id))
    .map((c): ClassDiff => ({ classId: c.id, name: c.name, change: 'added', fields: {} }));
  return [...diffs, ...added];
}

function classFields(old: TTaxonomyClass, next: TTaxonomyClass): Record<string, [unknown, unknown]> {
  return Object.fromEntries(
    COMPARED.filter((key) => !sameValue(old[key], next[key])).map((key) => [key, [old[key] ?? null, next[key] ?? null]]),
  );
}

function attributeFields(old: readonly TAttribute[], next: readonly TAttribute[]): Record<string, [unknown, unknown]> {
  const ids = [...new Set([...old, ...next].map((a) => a.id))];
  const find = (list: readonly TAttribute[], id: string) => list.find((a) => a.id === id) ?? null;
  return Object.fromEntries(
    ids
      .filter((id) => !sameValue(find(old, id), find(next, id)))
      .map((id) => [`attributes.${id}`, [find(old, id), find(next, id)]]),
  );
}

/** Absent and null read the same in a definition, and key order is not a change. */
function sameValue(x: unknown, y: unknown): boolean {
  return canonicalJson(x ?? null) === canonicalJson(y ?? null);
}
