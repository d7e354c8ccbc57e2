import { geometryOf } from '../schemas/geometry';
import { distanceToPath, regionBounds, type Bounds, type Point } from './geometry';
import type { EditorRegion } from './patch';

// Which region is under the pointer, and which lie in a marquee, among thousands: a uniform grid
// over the image holds each visible region's index in every cell its bounds touch, so a query looks
// at one cell's few candidates instead of every region. Rebuilt when the regions change (O(n)).

const GRID = 64;

export interface HitIndex {
  regions: readonly EditorRegion[];
  bounds: readonly (Bounds | null)[];
  cells: readonly number[][];
}

const cellOf = (v: number) => Math.min(GRID - 1, Math.max(0, Math.floor(v * GRID)));

export function buildHitIndex(regions: readonly EditorRegion[]): HitIndex {
  const cells: number[][] = Array.from({ length: GRID * GRID }, () => []);
  const bounds = regions.map((r) => (r.hidden ? null : regionBounds(r)));
  bounds.forEach((b, i) => {
    if (!b) return;
    for (let cy = cellOf(b.y0); cy <= cellOf(b.y1); cy++) {
      for (let cx = cellOf(b.x0); cx <= cellOf(b.x1); cx++) cells[cy * GRID + cx]!.push(i);
    }
  });
  return { regions, bounds, cells };
}

function insidePolygon(points: readonly Point[], [x, y]: Point): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function hits(region: EditorRegion, bounds: Bounds, point: Point, tolerance: number): boolean {
  const [x, y] = point;
  if (x < bounds.x0 - tolerance || x > bounds.x1 + tolerance || y < bounds.y0 - tolerance || y > bounds.y1 + tolerance)
    return false;
  if (region.type === 'polygon') {
    const polygon = geometryOf('polygon', region);
    return !!polygon && insidePolygon(polygon.points, point);
  }
  if (region.type === 'polyline') {
    const line = geometryOf('polyline', region);
    return !!line && distanceToPath(point, line.points) <= tolerance;
  }
  if (region.type === 'keypoints') {
    const keypoints = geometryOf('keypoints', region);
    return !!keypoints && keypoints.points.some((p) => p.v > 0 && Math.hypot(p.x - x, p.y - y) <= tolerance);
  }
  return true;
}

/**
 * The topmost region at the point (the last in z-order wins), or null. `tolerance` (normalized) widens
 * thin boxes and makes keypoints catchable; pass about 4 screen pixels at the current zoom.
 */
export function regionAt(index: HitIndex, point: Point, tolerance = 0): EditorRegion | null {
  const candidates = new Set<number>();
  for (const cy of new Set([cellOf(point[1] - tolerance), cellOf(point[1]), cellOf(point[1] + tolerance)])) {
    for (const cx of new Set([cellOf(point[0] - tolerance), cellOf(point[0]), cellOf(point[0] + tolerance)])) {
      for (const i of index.cells[cy * GRID + cx]!) candidates.add(i);
    }
  }
  let top = -1;
  for (const i of candidates) {
    if (i > top && hits(index.regions[i]!, index.bounds[i]!, point, tolerance)) top = i;
  }
  return top < 0 ? null : index.regions[top]!;
}

/** The ids of the visible regions wholly inside a marquee, in z-order. */
export function regionsIn(index: HitIndex, marquee: Bounds): string[] {
  const x0 = Math.min(marquee.x0, marquee.x1);
  const x1 = Math.max(marquee.x0, marquee.x1);
  const y0 = Math.min(marquee.y0, marquee.y1);
  const y1 = Math.max(marquee.y0, marquee.y1);
  const found = new Set<number>();
  for (let cy = cellOf(y0); cy <= cellOf(y1); cy++) {
    for (let cx = cellOf(x0); cx <= cellOf(x1); cx++) {
      for (const i of index.cells[cy * GRID + cx]!) {
        const b = index.bounds[i]!;
        if (b.x0 >= x0 && b.x1 <= x1 && b.y0 >= y0 && b.y1 <= y1) found.add(i);
      }
    }
  }
  return [...found].sort((a, b) => a - b).map((i) => index.regions[i]!.id);
}

/** The indexes of the visible regions whose bounds meet `area`, in z-order: what a zoomed-in view draws. */
export function regionsTouching(index: HitIndex, area: Bounds): number[] {
  const found = new Set<number>();
  for (let cy = cellOf(area.y0); cy <= cellOf(area.y1); cy++) {
    for (let cx = cellOf(area.x0); cx <= cellOf(area.x1); cx++) {
      for (const i of index.cells[cy * GRID + cx]!) {
        const b = index.bounds[i]!;
        if (b.x1 >= area.x0 && b.x0 <= area.x1 && b.y1 >= area.y0 && b.y0 <= area.y1) found.add(i);
      }
    }
  }
  return [...found].sort((a, b) => a - b);
}
