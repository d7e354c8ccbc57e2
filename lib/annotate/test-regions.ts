import type { Point } from './geometry';
import type { ToolContext } from './gestures';
import { buildHitIndex } from './hit-test';
import type { EditorRegion } from './patch';

/** A car box for the core's tests: 0.2 × 0.2 at (x, y) unless `extra` says otherwise. */
export const box = (id: string, x = 0.1, y = 0.1, extra: Partial<EditorRegion> = {}): EditorRegion => ({
  id,
  type: 'bbox',
  classId: 'car',
  attributes: {},
  x,
  y,
  w: 0.2,
  h: 0.2,
  ...extra,
});

/** A polygon or polyline through `points`, for the core's tests. */
export const path = (id: string, type: 'polygon' | 'polyline', points: Point[], classId = 'car'): EditorRegion => ({
  id,
  type,
  classId,
  attributes: {},
  points,
});

/** A tool's view of the document: its hit index, a selection and the class new shapes get; a 0.01 tolerance. */
export function toolContext(regions: EditorRegion[], selected: string[] = [], classId: string | null = 'car'): ToolContext {
  let n = 0;
  return {
    regions,
    index: buildHitIndex(regions),
    selected: new Set(selected),
    classId,
    tolerance: 0.01,
    newId: () => `new${++n}`,
  };
}
