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
