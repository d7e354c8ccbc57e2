import type { TPairUnit, TQualityFamily } from '../schemas/quality';
import type { TGeometry } from '../schemas/taxonomy';
import { geometryOf } from '../schemas/geometry';
import { keypointOks } from './keypoint-oks';
import { polylineOverlap } from './polyline-overlap';
import { boxIou, matchRegions, polygonIou, segmentIou, type Point } from './region-match';
import { trackIou } from './track-iou';

// One item's comparison: for every pair of annotators and every region family, their regions matched
// one to one (optimal, class-agnostic, at the IoU threshold) become pair units — a matched pair with
// both classes and its IoU, or a region only one of them drew, against "no region" (null). Matching
// ignores the class on purpose: a car one annotator called a truck is one object with a class
// disagreement (it shows in the confusion matrix), not two unrelated misses.

export interface ComparedRegion {
  id: string;
  type: string;
  classId: string;
  attributes?: Record<string, unknown>;
  [geometry: string]: unknown;
}

export interface ComparedAnnotation {
  annotatorId: string;
  regions: readonly ComparedRegion[];
}

export const FAMILY_OF: Record<TGeometry, TQualityFamily> = {
  classification: 'classification',
  bbox: 'regions',
  polygon: 'regions',
  // Lines match lines by their buffer F1 (polyline-overlap.ts); a line and an area never match.
  polyline: 'regions',
  keypoints: 'keypoints',
  audio_segment: 'audio_segments',
  video_track: 'video_tracks',
  event: 'events',
};

/** Transcripts are compared like a text attribute under this id. */
export const TRANSCRIPT_ATTRIBUTE = '_transcript';

/** A region with its geometry parsed once, and how much it overlaps another of its family. */
interface Measured {
  region: ComparedRegion;
  overlap(other: Measured): number;
}

function measured<G>(region: ComparedRegion, geometry: G | null, overlap: (a: G, b: G) => number): Measured | null {
  if (geometry === null) return null;
  const self: Measured & { geometry: G } = {
    region,
    geometry,
    overlap: (other) => overlap(geometry, (other as typeof self).geometry),
  };
  return self;
}

/** The region as a shape its family can overlap, or null when its geometry is malformed. */
function measure(region: ComparedRegion): Measured | null {
  switch (region.type as TGeometry) {
    case 'bbox':
    case 'polygon':
    case 'polyline':
      return measured(region, areaOf(region), areaOverlap);
    case 'keypoints':
      // Different skeletons (different classes) cannot be the same object.
      return measured(region, geometryOf('keypoints', region), (a, b) =>
        a.points.length === b.points.length ? keypointOks(a, b) : 0,
      );
    case 'audio_segment':
      return measured(region, spanOf(geometryOf('audio_segment', region)), segmentIou);
    case 'event': {
      const e = geometryOf('event', region);
      // Frames are inclusive: an event on frames 3–5 lasts three frames.
      return measured(region, e && ([e.start, e.end + 1] as const), segmentIou);
    }
    case 'video_track':
      return measured(region, geometryOf('video_track', region)?.keyframes ?? null, trackIou);
    case 'classification':
      return { region, overlap: () => 1 };
    default:
      return null;
  }
}

function spanOf(segment: { start: number; end: number } | null): readonly [number, number] | null {
  return segment && [segment.start, segment.end];
}

type Area = { box: { x: number; y: number; w: number; h: number } } | { polygon: Point[] } | { line: [number, number][] };

function areaOf(region: ComparedRegion): Area | null {
  if (region.type === 'bbox') {
    const b = geometryOf('bbox', region);
    if (!b) return null;
    return b.rotation ? { polygon: rotatedCorners(b, b.rotation) } : { box: b };
  }
  if (region.type === 'polyline') {
    const line = geometryOf('polyline', region);
    return line && { line: line.points };
  }
  const p = geometryOf('polygon', region);
  return p ? { polygon: p.points.map(([x, y]) => ({ x, y })) } : null;
}

function rotatedCorners(b: { x: number; y: number; w: number; h: number }, degrees: number): Point[] {
  const cx = b.x + b.w / 2;
  const cy = b.y + b.h / 2;
  const cos = Math.cos((degrees * Math.PI) / 180);
  const sin = Math.sin((degrees * Math.PI) / 180);
  return [
    [-b.w / 2, -b.h / 2],
    [b.w / 2, -b.h / 2],
    [b.w / 2, b.h / 2],
    [-b.w / 2, b.h / 2],
  ].map(([dx, dy]) => ({ x: cx + dx! * cos - dy! * sin, y: cy + dx! * sin + dy! * cos }));
}

function areaOverlap(a: Area, b: Area): number {
  if ('line' in a || 'line' in b) return 'line' in a && 'line' in b ? polylineOverlap(a.line, b.line) : 0;
  if ('box' in a && 'box' in b) return boxIou(a.box, b.box);
  return polygonIou(asPolygon(a), asPolygon(b));
}

function asPolygon(area: Exclude<Area, { line: unknown }>): Point[] {
  if ('polygon' in area) return area.polygon;
  const { x, y, w, h } = area.box;
  return [
    { x, y },
    { x: x + w, y },
    { x: x + w, y: y + h },
    { x, y: y + h },
  ];
}

function attributePairs(a: ComparedRegion, b: ComparedRegion): TPairUnit['attrs'] {
  const attrs: NonNullable<TPairUnit['attrs']> = {};
  for (const key of new Set([...Object.keys(a.attributes ?? {}), ...Object.keys(b.attributes ?? {})])) {
    attrs[key] = [a.attributes?.[key] ?? null, b.attributes?.[key] ?? null];
  }
  if (a.type === 'audio_segment' && (typeof a.text === 'string' || typeof b.text === 'string')) {
    attrs[TRANSCRIPT_ATTRIBUTE] = [a.text ?? null, b.text ?? null];
  }
  return Object.keys(attrs).length > 0 ? attrs : undefined;
}

function matchedUnit(family: TQualityFamily, ids: [string, string], a: Measured, b: Measured, score: number | null): TPairUnit {
  const unit: TPairUnit = {
    family,
    a: ids[0],
    b: ids[1],
    ca: a.region.classId,
    cb: b.region.classId,
    ra: a.region.id,
    rb: b.region.id,
    score,
  };
  // Attributes belong to a class: with different classes there is nothing to compare them on.
  const attrs = a.region.classId === b.region.classId ? attributePairs(a.region, b.region) : undefined;
  return attrs ? { ...unit, attrs } : unit;
}

function onlyOneSide(family: TQualityFamily, ids: [string, string], region: ComparedRegion, side: 'a' | 'b'): TPairUnit {
  return side === 'a'
    ? { family, a: ids[0], b: ids[1], ca: region.classId, cb: null, ra: region.id, rb: null, score: null }
    : { family, a: ids[0], b: ids[1], ca: null, cb: region.classId, ra: null, rb: region.id, score: null };
}

/**
 * Classifications are matched by class first (a multi-label item agrees on the classes both chose),
 * then the rest are paired in order: one class each is one unit with two different answers.
 */
function compareClassifications(ids: [string, string], a: Measured[], b: Measured[]): TPairUnit[] {
  const units: TPairUnit[] = [];
  const restB = [...b];
  const restA: Measured[] = [];
  for (const mine of a) {
    const same = restB.findIndex((theirs) => theirs.region.classId === mine.region.classId);
    if (same < 0) restA.push(mine);
    else units.push(matchedUnit('classification', ids, mine, restB.splice(same, 1)[0]!, null));
  }
  const paired = Math.min(restA.length, restB.length);
  for (let i = 0; i < paired; i++) units.push(matchedUnit('classification', ids, restA[i]!, restB[i]!, null));
  for (const m of restA.slice(paired)) units.push(onlyOneSide('classification', ids, m.region, 'a'));
  for (const m of restB.slice(paired)) units.push(onlyOneSide('classification', ids, m.region, 'b'));
  return units;
}

function compareFamily(family: TQualityFamily, ids: [string, string], a: Measured[], b: Measured[], threshold: number) {
  if (family === 'classification') return compareClassifications(ids, a, b);
  const { pairs, unmatchedA, unmatchedB } = matchRegions(a, b, (x, y) => x.overlap(y), threshold);
  return [
    ...pairs.map((p) => matchedUnit(family, ids, a[p.a]!, b[p.b]!, p.iou)),
    ...unmatchedA.map((i) => onlyOneSide(family, ids, a[i]!.region, 'a')),
    ...unmatchedB.map((j) => onlyOneSide(family, ids, b[j]!.region, 'b')),
  ];
}

export interface TaskComparisonUnits {
  units: TPairUnit[];
  /** Regions left out because their geometry is malformed for their type. */
  skipped: number;
}

/** Every pair of annotators of one item (ordered by annotator id), family by family. */
export function compareAnnotations(
  annotations: readonly ComparedAnnotation[],
  options: { iouThreshold: number },
): TaskComparisonUnits {
  let skipped = 0;
  const byAnnotator = [...annotations]
    .sort((x, y) => (x.annotatorId < y.annotatorId ? -1 : x.annotatorId > y.annotatorId ? 1 : 0))
    .map(({ annotatorId, regions }) => {
      const families = new Map<TQualityFamily, Measured[]>();
      for (const region of regions) {
        const family = FAMILY_OF[region.type as TGeometry];
        const measured = family ? measure(region) : null;
        if (!family || !measured) {
          skipped++;
          continue;
        }
        const inFamily = families.get(family);
        if (inFamily) inFamily.push(measured);
        else families.set(family, [measured]);
      }
      return { annotatorId, families };
    });
  const units: TPairUnit[] = [];
  for (let i = 0; i < byAnnotator.length; i++) {
    for (let j = i + 1; j < byAnnotator.length; j++) {
      const a = byAnnotator[i]!;
      const b = byAnnotator[j]!;
      const ids: [string, string] = [a.annotatorId, b.annotatorId];
      for (const family of new Set([...a.families.keys(), ...b.families.keys()])) {
        units.push(
          ...compareFamily(family, ids, a.families.get(family) ?? [], b.families.get(family) ?? [], options.iouThreshold),
        );
      }
    }
  }
  return { units, skipped };
}
