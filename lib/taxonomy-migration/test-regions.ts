import type { TGeometry, TTaxonomyClass } from '../schemas/taxonomy';
import type { TRegion } from '../schemas/workflow';

// Fixtures of the migration tests: a well-formed region of each geometry (the operations must leave
// every geometry field exactly as it was) and a class.
const GEOMETRY_FIELDS: Record<TGeometry, Record<string, unknown>> = {
  bbox: { x: 0.1, y: 0.2, w: 0.3, h: 0.4, rotation: 15 },
  polygon: {
    points: [
      [0.1, 0.1],
      [0.5, 0.1],
      [0.3, 0.6],
    ],
  },
  polyline: {
    points: [
      [0.1, 0.1],
      [0.9, 0.8],
    ],
  },
  keypoints: {
    points: [
      { x: 0.4, y: 0.2, v: 2 },
      { x: 0.5, y: 0.6, v: 1 },
    ],
  },
  classification: {},
  audio_segment: { start: 1.5, end: 3.25, text: 'hello there' },
  video_track: {
    keyframes: [
      { frame: 0, x: 0.1, y: 0.1, w: 0.2, h: 0.2, state: 'visible' },
      { frame: 30, x: 0.3, y: 0.1, w: 0.2, h: 0.2, state: 'occluded' },
    ],
  },
  event: { start: 12, end: 48 },
};

export function regionOf(type: TGeometry, id: string, classId: string, attributes: TRegion['attributes'] = {}): TRegion {
  return { id, type, classId, attributes, ...structuredClone(GEOMETRY_FIELDS[type]) };
}

/** The region without class and attributes: what a migration must never touch. */
export function geometryPart(region: TRegion): Record<string, unknown> {
  const { classId: _c, attributes: _a, ...rest } = region;
  return rest;
}

/** A box class named after its id (`cat` → `Cat`), with what `extra` sets. */
export const testClass = (id: string, extra: Partial<TTaxonomyClass> = {}): TTaxonomyClass => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  color: '#123456',
  hotkey: null,
  geometries: ['bbox'],
  attributes: [],
  description: '',
  ...extra,
});
