import type { TTaxonomyOperation } from '@/lib/taxonomy-migration/operations';
import { applyTreeOrAttributeChange, type TreeOrAttributeChange } from './attribute-changes';
import { stableId, type EditClass } from './editor-model';

// The editor's class changes that existing labels must follow: each edits the working copy of the
// classes and yields the operation the migration will apply, so the two never disagree.

export type ClassChange =
  | { kind: 'rename'; classId: string; name: string }
  /** Into the source named `intoName` when there is one, else into a new class of that name. */
  | { kind: 'merge'; from: string[]; intoName: string }
  | { kind: 'split'; classId: string; names: string[] }
  | { kind: 'deprecate'; classId: string }
  | TreeOrAttributeChange;

export interface ChangeResult {
  classes: EditClass[];
  operation: TTaxonomyOperation;
}

/** `reserved`: ids that must not be reused for a new class (every id the published version has). */
export function applyClassChange(classes: EditClass[], change: ClassChange, reserved: readonly string[]): ChangeResult {
  switch (change.kind) {
    case 'rename':
      return {
        classes: classes.map((c) => (c.id === change.classId ? { ...c, name: change.name.trim() } : c)),
        operation: { op: 'rename_class', classId: change.classId, name: change.name.trim() },
      };
    case 'deprecate':
      return {
        classes: classes.map((c) => (c.id === change.classId ? { ...c, deprecated: true } : c)),
        operation: { op: 'deprecate_class', classId: change.classId },
      };
    case 'merge':
      return merge(classes, change, reserved);
    case 'split':
      return split(classes, change, reserved);
    default:
      return applyTreeOrAttributeChange(classes, change);
  }
}

function merge(classes: EditClass[], change: Extract<ClassChange, { kind: 'merge' }>, reserved: readonly string[]): ChangeResult {
  const sources = classes.filter((c) => change.from.includes(c.id));
  const kept = sources.find((c) => c.name.toLowerCase() === change.intoName.trim().toLowerCase());
  const into = kept ?? copyOf(sources[0]!, change.intoName, classes, reserved);
  const at = classes.findIndex((c) => change.from.includes(c.id));
  const rest = classes.filter((c) => !change.from.includes(c.id));
  return {
    classes: [...rest.slice(0, at), into, ...rest.slice(at)],
    operation: { op: 'merge_classes', from: change.from, into: into.id },
  };
}

function split(classes: EditClass[], change: Extract<ClassChange, { kind: 'split' }>, reserved: readonly string[]): ChangeResult {
  const source = classes.find((c) => c.id === change.classId)!;
  const at = classes.indexOf(source);
  const others = classes.filter((c) => c !== source);
  const parts: EditClass[] = [];
  for (const [i, name] of change.names.entries()) {
    const part =
      name.trim().toLowerCase() === source.name.toLowerCase()
        ? source
        : copyOf(source, name, [...others, ...parts], [...reserved, source.id], i === 0 ? source.hotkey : '');
    parts.push(part);
  }
  return {
    classes: [...others.slice(0, at), ...parts, ...others.slice(at)],
    operation: { op: 'split_class', classId: source.id, into: parts.map((p) => p.id) },
  };
}

/** A new class with the source's settings (geometries, attributes, skeleton) under a new name and id. */
function copyOf(
  source: EditClass,
  name: string,
  existing: readonly EditClass[],
  reserved: readonly string[],
  hotkey = source.hotkey,
): EditClass {
  const id = stableId(name, [...existing.map((c) => c.id), ...reserved], 'class');
  return { ...source, id, name: name.trim(), hotkey, deprecated: false, attributes: source.attributes.map((a) => ({ ...a })) };
}
