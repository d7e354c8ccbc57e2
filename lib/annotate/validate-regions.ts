import { GEOMETRY_SCHEMAS } from '../schemas/geometry';
import type { TAttribute, TGeometry, TTaxonomyClass } from '../schemas/taxonomy';
import type { TRegion } from '../schemas/workflow';
import { polygonArea } from '../tracks/polygon-bounds';

// What is wrong with an annotation's regions, against the classes the pass may use. One rule set for
// the editor (which shows the problems as the annotator works) and the server (which refuses to store
// a `save` problem and to submit with any problem). It runs on every edit of up to 20,000 regions, so
// boxes, polygons and keypoints are checked by hand: zod took ~60 ms for 20,000 eight-point polygons.
// `validate-regions.test.ts` holds the hand checks to the same verdicts as GEOMETRY_SCHEMAS.

export interface RegionProblem {
  regionId: string;
  /** Position in the list. */
  index: number;
  /** The field at fault (`points`, `attributes.color`), null for the region as a whole. */
  field: string | null;
  /** A sentence for the annotator, e.g. `Traffic light needs “Color”`. */
  message: string;
  /** `save`: malformed, never stored. `submit`: fine as a draft, not as a finished annotation. */
  blocking: 'save' | 'submit';
}

/** The longest text attribute value stored. */
export const MAX_TEXT_ATTRIBUTE = 2000;

/** A polygon with less area than this (in normalized units, about a hundredth of a pixel on a 1000 px image) has none. */
const MIN_POLYGON_AREA = 1e-10;
/** Float slack for "the box ends at the image's edge" (x + w computed from two clamped corners). */
const EDGE_SLACK = 1e-9;

const PLURALS: Record<TGeometry, string> = {
  bbox: 'boxes',
  polygon: 'polygons',
  polyline: 'polylines',
  keypoints: 'keypoints',
  classification: 'image-level classification',
  audio_segment: 'audio segments',
  video_track: 'video tracks',
  event: 'events',
};

const NOUNS: Record<TGeometry, string> = {
  bbox: 'box',
  polygon: 'polygon',
  polyline: 'polyline',
  keypoints: 'keypoints',
  classification: 'classification',
  audio_segment: 'segment',
  video_track: 'track',
  event: 'event',
};

interface ClassRules {
  name: string;
  geometries: ReadonlySet<string>;
  attributes: ReadonlyMap<string, TAttribute & { optionSet?: ReadonlySet<string> }>;
  required: readonly TAttribute[];
  keypointCount: number | null;
}

type Report = (field: string | null, message: string, blocking?: RegionProblem['blocking']) => void;

export function regionProblems(regions: readonly TRegion[], classes: readonly TTaxonomyClass[]): RegionProblem[] {
  const rules = rulesByClass(classes);
  const problems: RegionProblem[] = [];
  const ids = new Set<string>();
  const classified = new Set<string>();
  // One reporter for the whole list, pointed at the region being checked: a closure per region cost more than the checks.
  let region: TRegion;
  let index = 0;
  const report: Report = (field, message, blocking = 'save') =>
    problems.push({ regionId: region.id, index, field, message, blocking });
  for (; index < regions.length; index++) {
    region = regions[index]!;
    const cls = rules.get(region.classId);
    const label = cls?.name ?? `Region ${index + 1}`;
    if (ids.has(region.id)) report('id', `Two regions share the id “${region.id}”`);
    ids.add(region.id);
    if (!cls) report('classId', `${label} has a class that cannot be used here (“${region.classId}”)`);
    else if (!cls.geometries.has(region.type))
      report('type', `${cls.name} does not allow ${PLURALS[region.type] ?? region.type}`);
    else if (isPolygonTrack(region) && !cls.geometries.has('polygon'))
      report('keyframes', `${cls.name} does not allow polygons: track it with boxes`);
    if (region.type === 'classification') {
      if (classified.has(region.classId)) report(null, `${label} is labeled twice for this item; keep one`);
      classified.add(region.classId);
    }
    checkGeometry(region, label, cls?.keypointCount ?? null, report);
    if (cls) checkAttributes(region.attributes ?? {}, cls, report);
    // A model's pre-annotation counts once a person has accepted (or edited) it.
    if (region.suggestion !== undefined) report('suggestion', `${label} suggestion is not accepted or rejected yet`, 'submit');
  }
  return problems;
}

function rulesByClass(classes: readonly TTaxonomyClass[]): Map<string, ClassRules> {
  const map = new Map<string, ClassRules>();
  for (const c of classes) {
    map.set(c.id, {
      name: c.name,
      geometries: new Set(c.geometries),
      attributes: new Map(c.attributes.map((a) => [a.id, a.options ? { ...a, optionSet: new Set(a.options) } : a])),
      required: c.attributes.filter((a) => a.required),
      keypointCount: c.skeleton?.keypoints.length ?? null,
    });
  }
  return map;
}

/** A video track whose keyframes carry polygons: its class must allow `polygon` as well as `video_track`. */
const isPolygonTrack = (region: TRegion) =>
  region.type === 'video_track' &&
  Array.isArray(region.keyframes) &&
  Boolean((region.keyframes[0] as { points?: unknown })?.points);

const isUnit = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;

function checkGeometry(region: TRegion, label: string, keypointCount: number | null, report: Report): void {
  if (region.type === 'bbox') return checkBox(region, label, report);
  if (region.type === 'polygon') return checkPolygon(region.points, label, report);
  if (region.type === 'polyline') return checkPolyline(region.points, label, report);
  if (region.type === 'keypoints') return checkKeypoints(region.points, label, keypointCount, report);
  const schema = GEOMETRY_SCHEMAS[region.type] as (typeof GEOMETRY_SCHEMAS)[TGeometry] | undefined;
  if (!schema) return report('type', `${label} has an unknown type “${String(region.type)}”`);
  const parsed = schema.safeParse(region);
  if (parsed.success) return;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.') || null;
  report(field, `${label} ${NOUNS[region.type]} is malformed${field ? ` at “${field}”` : ''}: ${issue.message}`);
}

function checkBox(region: Record<string, unknown>, label: string, report: Report): void {
  const { x, y, w, h, rotation } = region;
  const what = `${label} box`;
  const bad = !isUnit(x) ? 'x' : !isUnit(y) ? 'y' : !isUnit(w) ? 'w' : !isUnit(h) ? 'h' : null;
  if (bad) return report(bad, `${what} has no valid “${bad}” (a number from 0 to 1)`);
  if (rotation !== undefined && !(typeof rotation === 'number' && rotation >= -360 && rotation <= 360)) {
    return report('rotation', `${what} has an invalid rotation (degrees from −360 to 360)`);
  }
  const [bx, by, bw, bh] = [x, y, w, h] as number[];
  if (bw === 0 || bh === 0) return report(bw === 0 ? 'w' : 'h', `${what} has no ${bw === 0 ? 'width' : 'height'}`);
  if (bx! + bw! > 1 + EDGE_SLACK) return report('w', `${what} extends past the right edge of the image`);
  if (by! + bh! > 1 + EDGE_SLACK) report('h', `${what} extends past the bottom edge of the image`);
}

/** The path's points when there are `min` to 10,000 valid ones, else null (reported). */
function pathPoints(points: unknown, what: string, min: number, report: Report): [number, number][] | null {
  if (!Array.isArray(points) || points.length < min || points.length > 10_000) {
    report('points', `${what} needs ${min} to 10,000 points`);
    return null;
  }
  for (let i = 0; i < points.length; i++) {
    const p: unknown = points[i];
    if (!Array.isArray(p) || p.length !== 2 || !isUnit(p[0]) || !isUnit(p[1])) {
      report('points', `${what} has an invalid point ${i + 1} (x and y from 0 to 1)`);
      return null;
    }
  }
  return points as [number, number][];
}

function checkPolyline(points: unknown, label: string, report: Report): void {
  const what = `${label} polyline`;
  const line = pathPoints(points, what, 2, report);
  if (line && line.every(([x, y]) => x === line[0]![0] && y === line[0]![1]))
    report('points', `${what} has no length: its points coincide`);
}

function checkPolygon(points: unknown, label: string, report: Report): void {
  const what = `${label} polygon`;
  const ring = pathPoints(points, what, 3, report);
  if (!ring) return;
  if (polygonArea(ring) < MIN_POLYGON_AREA) report('points', `${what} has no area: its points lie on one line`);
}

function checkKeypoints(points: unknown, label: string, keypointCount: number | null, report: Report): void {
  const what = `${label} keypoints`;
  if (!Array.isArray(points) || points.length < 1 || points.length > 200) {
    return report('points', `${what} need 1 to 200 points`);
  }
  for (let i = 0; i < points.length; i++) {
    const p: unknown = points[i];
    const { x, y, v } = (p && typeof p === 'object' ? p : {}) as Record<string, unknown>;
    if (!isUnit(x) || !isUnit(y) || (v !== 0 && v !== 1 && v !== 2)) {
      return report('points', `${what} have an invalid point ${i + 1} (x and y from 0 to 1, visibility 0, 1 or 2)`);
    }
  }
  if (keypointCount !== null && points.length !== keypointCount) {
    report('points', `${what} have ${points.length} points; the skeleton has ${keypointCount}`);
  }
}

function checkAttributes(values: TRegion['attributes'], cls: ClassRules, report: Report): void {
  for (const id in values) {
    const attr = cls.attributes.get(id);
    const field = `attributes.${id}`;
    if (!attr) {
      report(field, `${cls.name} has no attribute “${id}”`);
      continue;
    }
    const wrong = wrongValue(attr, values[id]);
    if (wrong) report(field, `${cls.name} “${attr.name}” ${wrong}`);
  }
  for (const attr of cls.required) {
    if (isUnset(values[attr.id])) {
      report(`attributes.${attr.id}`, `${cls.name} needs “${attr.name}”`, 'submit');
    }
  }
}

/** What a cleared control leaves: no value, null, or blank text. Never wrong in a draft; missing when required. */
const isUnset = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** Why the value does not fit the attribute (a phrase after its name), or null when it does or is unset. */
function wrongValue(attr: TAttribute & { optionSet?: ReadonlySet<string> }, value: unknown): string | null {
  if (isUnset(value)) return null;
  switch (attr.type) {
    case 'enum':
      if (typeof value === 'string' && attr.optionSet?.has(value)) return null;
      return `must be one of ${(attr.options ?? []).join(', ')}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be yes or no';
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
      if (attr.min !== undefined && value < attr.min) return `must be at least ${attr.min}`;
      if (attr.max !== undefined && value > attr.max) return `must be at most ${attr.max}`;
      return null;
    case 'text':
      if (typeof value !== 'string') return 'must be text';
      return value.length > MAX_TEXT_ATTRIBUTE ? 'is longer than 2,000 characters' : null;
  }
}
