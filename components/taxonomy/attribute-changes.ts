import type { TTaxonomyOperation } from '@/lib/taxonomy-migration/operations';
import { newAttribute, splitOptions, type AttributeType, type EditAttribute, type EditClass } from './editor-model';

// The editor's changes to a published class's place in the tree and to its attributes: like the class
// changes, each edits the working copy and yields the operation the migration applies to the labels.

export type AttributeValue = string | number | boolean;

export type TreeOrAttributeChange =
  /** `parentId` null: to the top of the tree. */
  | { kind: 'move'; classId: string; parentId: string | null }
  | {
      kind: 'add_attribute';
      classId: string;
      name: string;
      type: AttributeType;
      required: boolean;
      /** Enum options as a comma list, as the attribute row edits them. */
      optionsText: string;
      /** Set on every label of the class that lacks it; null: each label waits for a person. */
      default: AttributeValue | null;
    }
  | { kind: 'remove_attribute'; classId: string; attributeId: string }
  | { kind: 'rename_attribute'; classId: string; attributeId: string; name: string }
  /** Old value → new value (a value the attribute will offer) or null to clear it; unlisted values stay. */
  | { kind: 'map_enum_values'; classId: string; attributeId: string; mapping: Record<string, string | null> };

export function applyTreeOrAttributeChange(
  classes: EditClass[],
  change: TreeOrAttributeChange,
): { classes: EditClass[]; operation: TTaxonomyOperation } {
  const { classId } = change;
  const edit = (patch: (c: EditClass) => Partial<EditClass>) =>
    classes.map((c) => (c.id === classId ? { ...c, ...patch(c) } : c));
  const editAttribute = (attributeId: string, patch: (a: EditAttribute) => Partial<EditAttribute>) =>
    edit((c) => ({ attributes: c.attributes.map((a) => (a.id === attributeId ? { ...a, ...patch(a) } : a)) }));
  switch (change.kind) {
    case 'move':
      return {
        classes: edit(() => ({ parentId: change.parentId ?? '' })),
        operation: { op: 'move_class', classId, parentId: change.parentId },
      };
    case 'add_attribute': {
      const owner = classes.find((c) => c.id === classId)!;
      const attribute: EditAttribute = {
        ...newAttribute(change.name, owner.attributes),
        type: change.type,
        required: change.required,
        optionsText: change.type === 'enum' ? change.optionsText : '',
      };
      return {
        classes: edit((c) => ({ attributes: [...c.attributes, attribute] })),
        operation: { op: 'add_attribute', classId, attributeId: attribute.id, default: change.default },
      };
    }
    case 'remove_attribute':
      return {
        classes: edit((c) => ({ attributes: c.attributes.filter((a) => a.id !== change.attributeId) })),
        operation: { op: 'remove_attribute', classId, attributeId: change.attributeId },
      };
    case 'rename_attribute':
      // The id stays (labels and later versions refer to it), as with a renamed class.
      return {
        classes: editAttribute(change.attributeId, () => ({ name: change.name.trim() })),
        operation: {
          op: 'rename_attribute',
          classId,
          attributeId: change.attributeId,
          newId: change.attributeId,
          name: change.name.trim(),
        },
      };
    case 'map_enum_values':
      return {
        classes: editAttribute(change.attributeId, (a) => ({ optionsText: mappedOptions(a.optionsText, change.mapping) })),
        operation: { op: 'map_enum_values', classId, attributeId: change.attributeId, mapping: change.mapping },
      };
  }
}

/** The options after a mapping: each mapped value replaced in place, cleared ones dropped, no value twice. */
export function mappedOptions(optionsText: string, mapping: Record<string, string | null>): string {
  const next = splitOptions(optionsText).flatMap((o) => {
    const to = o in mapping ? mapping[o] : o;
    return to === null || to === undefined ? [] : [to];
  });
  return [...new Set(next)].join(', ');
}

/** The classes `classId` may move under: any class but itself and those below it (that would make a loop). */
export function possibleParents(classes: readonly EditClass[], classId: string): EditClass[] {
  const parentOf = new Map(classes.map((c) => [c.id, c.parentId]));
  const below = (id: string) => {
    for (let at = parentOf.get(id), steps = 0; at && steps <= classes.length; at = parentOf.get(at), steps++) {
      if (at === classId) return true;
    }
    return false;
  };
  return classes.filter((c) => c.id !== classId && !below(c.id));
}
