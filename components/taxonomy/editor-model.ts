import { firstFree, slugify } from '@/lib/slug';
import type { z } from 'zod';
import {
  type ATTRIBUTE_TYPES,
  type TGeometry,
  type TTaxonomyDefinition,
  ZTaxonomyDefinitionSchema,
} from '@/lib/schemas/taxonomy';

// The editor's working copy of a taxonomy definition. Inputs keep what the user typed (options as a
// comma list, min/max as text) and are converted to the schema's shape only when validating or saving.

export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export interface EditAttribute {
  id: string;
  name: string;
  type: AttributeType;
  required: boolean;
  optionsText: string;
  min: string;
  max: string;
}

export interface EditClass {
  id: string;
  name: string;
  color: string;
  hotkey: string;
  geometries: TGeometry[];
  description: string;
  attributes: EditAttribute[];
}

const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#bfef45', '#469990', '#9a6324'];

/**
 * A stable id from a name: lowercase slug, unique among `taken`. Called once, when a class or attribute
 * is created; renaming never changes it, because labels and later versions refer to the id.
 */
export function stableId(name: string, taken: Iterable<string>, fallback: string): string {
  return firstFree(slugify(name, 56, fallback), new Set(taken));
}

export function newClass(name: string, existing: EditClass[], reservedIds: Iterable<string>): EditClass {
  const id = stableId(name, [...existing.map((c) => c.id), ...reservedIds], 'class');
  return {
    id,
    name: name.trim(),
    color: PALETTE[existing.length % PALETTE.length]!,
    hotkey: '',
    geometries: ['bbox'],
    description: '',
    attributes: [],
  };
}

export function newAttribute(name: string, existing: EditAttribute[]): EditAttribute {
  const id = stableId(
    name,
    existing.map((a) => a.id),
    'attr',
  );
  return { id, name: name.trim(), type: 'enum', required: false, optionsText: '', min: '', max: '' };
}

export function fromDefinition(def: TTaxonomyDefinition | null | undefined): EditClass[] {
  return (def?.classes ?? []).map((c) => ({
    id: c.id,
    name: c.name,
    color: c.color,
    hotkey: c.hotkey ?? '',
    geometries: [...c.geometries],
    description: c.description ?? '',
    attributes: c.attributes.map((a) => ({
      id: a.id,
      name: a.name,
      type: a.type,
      required: a.required,
      optionsText: (a.options ?? []).join(', '),
      min: a.min === undefined ? '' : String(a.min),
      max: a.max === undefined ? '' : String(a.max),
    })),
  }));
}

/** The definition as the API takes it (z.input of the schema). */
export function toDefinition(classes: EditClass[]): z.input<typeof ZTaxonomyDefinitionSchema> {
  return {
    classes: classes.map((c) => ({
      id: c.id,
      name: c.name,
      color: c.color,
      hotkey: c.hotkey === '' ? null : c.hotkey,
      geometries: c.geometries,
      description: c.description,
      attributes: c.attributes.map((a) => ({
        id: a.id,
        name: a.name,
        type: a.type,
        required: a.required,
        ...(a.type === 'enum' ? { options: splitOptions(a.optionsText) } : {}),
        ...(a.type === 'number' ? numberBounds(a) : {}),
      })),
    })),
  };
}

function splitOptions(text: string): string[] {
  return text
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}

function numberBounds(a: EditAttribute): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  if (a.min.trim() !== '') out.min = Number(a.min);
  if (a.max.trim() !== '') out.max = Number(a.max);
  return out;
}

/**
 * Problems by field path (`classes.0.attributes.1.options`), from the same schema the API validates
 * with, so the editor flags a field before the save round trip. Server paths carry a `definition.` prefix.
 */
export function validateDefinition(classes: EditClass[]): Record<string, string> {
  const result = ZTaxonomyDefinitionSchema.safeParse(toDefinition(classes));
  const errors: Record<string, string> = {};
  if (result.success) return errors;
  for (const issue of result.error.issues) errors[issue.path.join('.')] ??= issue.message;
  for (const [i, c] of classes.entries()) {
    for (const [j, a] of c.attributes.entries()) {
      for (const bound of ['min', 'max'] as const) {
        if (a.type === 'number' && a[bound].trim() !== '' && !Number.isFinite(Number(a[bound]))) {
          errors[`classes.${i}.attributes.${j}.${bound}`] = `${bound} must be a number`;
        }
      }
    }
  }
  return errors;
}

export function serverErrorsToEditor(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) out[path.replace(/^definition\.?/, '') || 'classes'] ??= message;
  return out;
}
