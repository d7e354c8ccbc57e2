import { firstFree, slugify } from '@/lib/slug';
import type { z } from 'zod';
import {
  type ATTRIBUTE_TYPES,
  type TGeometry,
  type TSkeleton,
  type TTaxonomyDefinition,
  ZTaxonomyDefinitionSchema,
} from '@/lib/schemas/taxonomy';

// The editor's working copy of a taxonomy definition. Inputs keep what the user typed (options as a
// comma list, min/max as text, a skeleton as lines of names) and are converted to the schema's shape
// only when validating or saving.

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
  /** Audio segments of the class carry a transcript (kept while the class is not audio, sent only when it is). */
  transcribed: boolean;
  /** Keypoint names, one per line, in the order a keypoints region lists its points. */
  keypointsText: string;
  /** Edges, one per line, as two keypoint names joined by `-` (`head-neck`). */
  edgesText: string;
  /** Ids of the keypoints as loaded, by name: a keypoint keeps its id while its name stays. */
  keypointIds: Record<string, string>;
  /** The class it sits under ('' at the top). */
  parentId: string;
  /** Hidden for new labeling; existing labels are kept (set by a deprecate change). */
  deprecated: boolean;
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
    transcribed: false,
    keypointsText: '',
    edgesText: '',
    keypointIds: {},
    parentId: '',
    deprecated: false,
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
    transcribed: c.transcribed ?? false,
    ...skeletonToText(c.skeleton),
    parentId: c.parentId ?? '',
    deprecated: c.deprecated ?? false,
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
      ...(c.transcribed && c.geometries.includes('audio_segment') ? { transcribed: true } : {}),
      // Only a class drawn with keypoints has a skeleton; the text stays in the editor if the geometry is unticked.
      ...(c.geometries.includes('keypoints') && c.keypointsText.trim() !== '' ? { skeleton: parseSkeleton(c).skeleton } : {}),
      ...(c.parentId ? { parentId: c.parentId } : {}),
      ...(c.deprecated ? { deprecated: true } : {}),
    })),
  };
}

/** A keypoint id from its name: lowercase, accents folded, anything else `_` (`Left hand` → `left_hand`). */
export function keypointId(name: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+/, '')
    .slice(0, 64)
    .replace(/_+$/, '');
  return id || 'point';
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

function skeletonToText(skeleton: TSkeleton | undefined): Pick<EditClass, 'keypointsText' | 'edgesText' | 'keypointIds'> {
  const points = skeleton?.keypoints ?? [];
  return {
    keypointsText: points.map((k) => k.name).join('\n'),
    edgesText: (skeleton?.edges ?? []).map(([a, b]) => `${points[a]?.name ?? a}-${points[b]?.name ?? b}`).join('\n'),
    keypointIds: Object.fromEntries(points.map((k) => [k.name, k.id])),
  };
}

/**
 * The skeleton the two text fields describe, and what in them could not be read (an edge naming no
 * keypoint): the schema checks the rest. An edge line splits at the first `-` that leaves a keypoint
 * name (or id) on both sides, so names may contain `-` themselves.
 */
export function parseSkeleton(c: Pick<EditClass, 'keypointsText' | 'edgesText' | 'keypointIds'>): {
  skeleton: TSkeleton;
  edgeProblem: string | null;
} {
  const keypoints = lines(c.keypointsText).map((name) => ({ id: c.keypointIds[name] ?? keypointId(name), name }));
  const index = new Map<string, number>();
  keypoints.forEach((k, i) => {
    index.set(k.name.toLowerCase(), index.get(k.name.toLowerCase()) ?? i);
    index.set(k.id, index.get(k.id) ?? i);
  });
  const find = (text: string) => index.get(text.trim().toLowerCase());
  const edges: [number, number][] = [];
  let edgeProblem: string | null = null;
  for (const line of lines(c.edgesText)) {
    let edge: [number, number] | null = null;
    for (let at = line.indexOf('-'); at > 0 && !edge; at = line.indexOf('-', at + 1)) {
      const [a, b] = [find(line.slice(0, at)), find(line.slice(at + 1))];
      if (a !== undefined && b !== undefined) edge = [a, b];
    }
    if (edge) edges.push(edge);
    else
      edgeProblem ??= line.includes('-')
        ? `“${line}” does not join two keypoints of the list`
        : `“${line}” is not an edge: write two keypoint names joined by -, e.g. head-neck`;
  }
  return { skeleton: { keypoints, edges }, edgeProblem };
}

/** A comma list (enum options, names to split into) as its non-empty trimmed items. */
export function splitOptions(text: string): string[] {
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
  for (const issue of result.error?.issues ?? []) errors[editorPath(issue.path.join('.'))] ??= issue.message;
  for (const [i, c] of classes.entries()) {
    if (c.geometries.includes('keypoints')) {
      const { edgeProblem } = parseSkeleton(c);
      if (c.keypointsText.trim() === '' && c.edgesText.trim() !== '') {
        errors[`classes.${i}.skeleton.keypoints`] ??= 'list the keypoints the edges join';
      } else if (edgeProblem) errors[`classes.${i}.skeleton.edges`] ??= edgeProblem;
    }
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
  for (const [path, message] of Object.entries(errors))
    out[editorPath(path.replace(/^definition\.?/, '') || 'classes')] ??= message;
  return out;
}

/** A skeleton is edited as two text fields: a problem with one keypoint or edge belongs to its field. */
function editorPath(path: string): string {
  return path.replace(/^(classes\.\d+\.skeleton\.(?:keypoints|edges))\..*$/, '$1');
}
