// A polygon track's keyframes carry the polygon and, in x / y / w / h, its bounds: the box every
// reader that knows only boxes uses (MOT export, track agreement, the timeline). One function makes
// that box, so the editor, the schema's check and the interpolation agree to the last bit. And the
// area the save and submit rules measure a polygon by.

export type TrackPoint = [number, number];

/** Bounds differing by less than this (normalized) are the same: a stored box survives JSON round trips. */
export const BOUNDS_SLACK = 1e-6;

/** The axis-aligned bounds of the points as a box (x, y, w, h). */
export function polygonBounds(points: readonly (readonly [number, number])[]): { x: number; y: number; w: number; h: number } {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** Whether the box is the bounds of the points (within BOUNDS_SLACK). */
export function boxBoundsPoints(
  box: { x: number; y: number; w: number; h: number },
  points: readonly (readonly [number, number])[],
): boolean {
  const b = polygonBounds(points);
  return (
    Math.abs(b.x - box.x) <= BOUNDS_SLACK &&
    Math.abs(b.y - box.y) <= BOUNDS_SLACK &&
    Math.abs(b.w - box.w) <= BOUNDS_SLACK &&
    Math.abs(b.h - box.h) <= BOUNDS_SLACK
  );
}

/** The polygon's area (shoelace), whatever its winding. */
export function polygonArea(points: readonly (readonly [number, number])[]): number {
  let twice = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++)
    twice += points[j]![0] * points[i]![1] - points[i]![0] * points[j]![1];
  return Math.abs(twice / 2);
}
