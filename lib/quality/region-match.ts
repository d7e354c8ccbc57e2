import { minCostAssignment } from './assignment';

// Overlap measures for two annotators' regions and segments, and their optimal one-to-one matching. Shapes of
// zero area (or zero duration) have IoU 0 with everything: instants and points need a distance tolerance instead.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A time span [start, end] in seconds (audio segments, events with a duration, video track extents). */
export type Segment = readonly [start: number, end: number];

export function boxIou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const intersection = ix * iy;
  const union = a.w * a.h + b.w * b.h - intersection;
  return union > 0 ? intersection / union : 0;
}

export function segmentIou([startA, endA]: Segment, [startB, endB]: Segment): number {
  if (endA < startA || endB < startB) throw new RangeError('A segment cannot end before it starts');
  const intersection = Math.max(0, Math.min(endA, endB) - Math.max(startA, startB));
  const union = endA - startA + (endB - startB) - intersection;
  return union > 0 ? intersection / union : 0;
}

/** Shoelace formula: positive for counter-clockwise vertices (y up), negative for clockwise. */
function signedArea(polygon: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const p = polygon[i]!;
    const q = polygon[(i + 1) % polygon.length]!;
    twice += p.x * q.y - q.x * p.y;
  }
  return twice / 2;
}

export function polygonArea(polygon: readonly Point[]): number {
  return Math.abs(signedArea(polygon));
}

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Sutherland–Hodgman: the part of `subject` inside the convex, counter-clockwise `clip` polygon. */
function clipConvex(subject: readonly Point[], clip: readonly Point[]): Point[] {
  let output = [...subject];
  for (let i = 0; i < clip.length && output.length > 0; i++) {
    const edgeStart = clip[i]!;
    const edgeEnd = clip[(i + 1) % clip.length]!;
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const current = input[j]!;
      const previous = input[(j + input.length - 1) % input.length]!;
      const currentSide = cross(edgeStart, edgeEnd, current);
      const previousSide = cross(edgeStart, edgeEnd, previous);
      if (currentSide >= 0 !== previousSide >= 0) {
        const t = previousSide / (previousSide - currentSide);
        output.push({ x: previous.x + t * (current.x - previous.x), y: previous.y + t * (current.y - previous.y) });
      }
      if (currentSide >= 0) output.push(current);
    }
  }
  return output;
}

/** The fan of a polygon from `origin`: one triangle per edge, counter-clockwise, with the sign of its orientation. */
function fan(polygon: readonly Point[], origin: Point): { triangle: Point[]; sign: number }[] {
  const triangles: { triangle: Point[]; sign: number }[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const p = polygon[i]!;
    const q = polygon[(i + 1) % polygon.length]!;
    const orientation = cross(origin, p, q);
    if (orientation > 0) triangles.push({ triangle: [origin, p, q], sign: 1 });
    else if (orientation < 0) triangles.push({ triangle: [origin, q, p], sign: -1 });
  }
  return triangles;
}

/**
 * Exact intersection area of two simple polygons (convex or not). A polygon's indicator is the signed sum of its
 * fan triangles from any common point (its winding number), so the area of the product of two indicators is the
 * signed sum of pairwise triangle intersections, each convex and clipped exactly. O(n·m) for n and m vertices.
 */
export function polygonIntersectionArea(a: readonly Point[], b: readonly Point[]): number {
  if (a.length < 3 || b.length < 3) return 0;
  const origin = a[0]!;
  const orientation = Math.sign(signedArea(a)) * Math.sign(signedArea(b));
  if (orientation === 0) return 0;
  const fanB = fan(b, origin);
  let area = 0;
  for (const ta of fan(a, origin)) {
    for (const tb of fanB) area += ta.sign * tb.sign * signedArea(clipConvex(ta.triangle, tb.triangle));
  }
  // Rounding in the signed sum can leave a tiny negative or an excess of a few ulps.
  return Math.min(Math.max(0, area * orientation), polygonArea(a), polygonArea(b));
}

/** IoU of two simple polygons given as vertex lists in either orientation. */
export function polygonIou(a: readonly Point[], b: readonly Point[]): number {
  const intersection = polygonIntersectionArea(a, b);
  const union = polygonArea(a) + polygonArea(b) - intersection;
  return union > 0 ? intersection / union : 0;
}

export interface RegionMatching {
  pairs: { a: number; b: number; iou: number }[]; // indices into the two annotators' lists
  unmatchedA: number[];
  unmatchedB: number[];
}

/**
 * Optimal one-to-one matching of two annotators' regions: maximises the total IoU over pairs with IoU ≥ threshold
 * (Hungarian algorithm on −IoU, pairs below the threshold worth nothing and dropped afterwards). Unmatched regions
 * on either side are disagreements.
 */
export function matchRegions<A, B>(
  a: readonly A[],
  b: readonly B[],
  iou: (regionA: A, regionB: B) => number,
  threshold: number,
): RegionMatching {
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('The IoU threshold must be in (0, 1]');
  const overlaps = new Float64Array(a.length * b.length);
  const cost = new Float64Array(a.length * b.length);
  a.forEach((regionA, i) => {
    for (let j = 0; j < b.length; j++) {
      const value = iou(regionA, b[j]!);
      overlaps[i * b.length + j] = value;
      if (value >= threshold) cost[i * b.length + j] = -value;
    }
  });
  const assignment = minCostAssignment(cost, a.length, b.length);
  const pairs: RegionMatching['pairs'] = [];
  const matchedB = new Uint8Array(b.length);
  assignment.forEach((j, i) => {
    const value = j < 0 ? 0 : overlaps[i * b.length + j]!;
    if (j < 0 || value < threshold) return;
    pairs.push({ a: i, b: j, iou: value });
    matchedB[j] = 1;
  });
  const matchedA = new Set(pairs.map((p) => p.a));
  return {
    pairs,
    unmatchedA: a.map((_, i) => i).filter((i) => !matchedA.has(i)),
    unmatchedB: b.map((_, j) => j).filter((j) => !matchedB[j]),
  };
}
