import type { AttributeValue } from './attribute-changes';
import type { ClassChange } from './class-changes';
import { splitOptions, type AttributeType, type EditAttribute, type EditClass } from './editor-model';

// What the "change a class" form holds while it is filled in, and the change it describes (null until
// it describes one), kept apart from the form's markup so the reading of each field is tested alone.

export type ChangeKind = ClassChange['kind'];

export interface ChangeFormState {
  ticked: string[];
  name: string;
  /** Split: the new names as a comma list. */
  names: string;
  /** Move: '' for the top of the tree. */
  parentId: string;
  attributeId: string;
  type: AttributeType;
  required: boolean;
  optionsText: string;
  /** Add attribute: '' for no default (each label then waits for a person). */
  defaultText: string;
  /** Map values: old value → new value ('' keeps it) or null to clear it. */
  mapping: Record<string, string | null>;
}

export const EMPTY_CHANGE_FORM: ChangeFormState = {
  ticked: [],
  name: '',
  names: '',
  parentId: '',
  attributeId: '',
  type: 'enum',
  required: false,
  optionsText: '',
  defaultText: '',
  mapping: {},
};

/**
 * The change the form describes for the chosen class; `attributes`: the chosen class's attributes that
 * labels of the published version can hold (only those can be removed, renamed or mapped).
 */
export function changeOf(
  kind: ChangeKind,
  cls: EditClass | undefined,
  attributes: readonly EditAttribute[],
  form: ChangeFormState,
): ClassChange | null {
  if (kind === 'merge') {
    return form.ticked.length >= 2 && form.name.trim() ? { kind, from: form.ticked, intoName: form.name } : null;
  }
  if (!cls) return null;
  const classId = cls.id;
  const attribute = attributes.find((a) => a.id === form.attributeId);
  switch (kind) {
    case 'rename':
      return form.name.trim() ? { kind, classId, name: form.name } : null;
    case 'split': {
      const names = splitOptions(form.names);
      return names.length >= 2 ? { kind, classId, names } : null;
    }
    case 'deprecate':
      return { kind, classId };
    case 'move':
      return (form.parentId || null) === (cls.parentId || null) ? null : { kind, classId, parentId: form.parentId || null };
    case 'add_attribute':
      return addAttribute(classId, form);
    case 'remove_attribute':
      return attribute ? { kind, classId, attributeId: attribute.id } : null;
    case 'rename_attribute':
      return attribute && form.name.trim() && form.name.trim() !== attribute.name
        ? { kind, classId, attributeId: attribute.id, name: form.name }
        : null;
    case 'map_enum_values': {
      const mapping = Object.fromEntries(
        Object.entries(form.mapping).flatMap(([from, to]): [string, string | null][] =>
          to === null ? [[from, null]] : to.trim() && to.trim() !== from ? [[from, to.trim()]] : [],
        ),
      );
      return attribute?.type === 'enum' && Object.keys(mapping).length > 0
        ? { kind, classId, attributeId: attribute.id, mapping }
        : null;
    }
  }
}

function addAttribute(classId: string, form: ChangeFormState): ClassChange | null {
  const options = splitOptions(form.optionsText);
  if (!form.name.trim() || (form.type === 'enum' && options.length === 0)) return null;
  const value = defaultValue(form.type, form.defaultText, options);
  if (value === undefined) return null;
  return {
    kind: 'add_attribute',
    classId,
    name: form.name,
    type: form.type,
    required: form.required,
    optionsText: form.optionsText,
    default: value,
  };
}

/** The default typed in, as a value of the attribute's type: null for none, undefined when it does not fit. */
export function defaultValue(type: AttributeType, text: string, options: readonly string[]): AttributeValue | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  switch (type) {
    case 'enum':
      return options.includes(t) ? t : undefined;
    case 'boolean':
      return t === 'true' ? true : t === 'false' ? false : undefined;
    case 'number':
      return Number.isFinite(Number(t)) ? Number(t) : undefined;
    case 'text':
      return t;
  }
}
