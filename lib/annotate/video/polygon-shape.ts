import { polygonBounds, type TrackPoint } from '../../tracks/polygon-bounds';
import type { Box } from './tracks';

// The arithmetic of a polygon track's shape on one frame (normalized 0–1 of the frame): its points
// kept on the picture, and the polygon carried into a new box, which is how a move or a resize of
// a polygon on the overlay (a box gesture) becomes a polygon keyframe.

export interface PolygonShape extends Box {
  points: TrackPoint[];
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));

/** The polygon with every point moved onto the picture, and its box (the bounds). */
export function polygonShape(points: readonly (readonly [number, number])[]): PolygonShape {
  const kept = points.map(([x, y]): TrackPoint => [clamp01(x), clamp01(y)]);
  return { ...polygonBounds(kept), points: kept };
}

/**
 * The polygon scaled and moved so that its bounds become `box` (each point keeps its place relative
 * to the bounds). A side with no extent (all points on a line) stays on the box's edge.
 */
export function fitPolygon(shape: PolygonShape, box: Box): PolygonShape {
  const along = (v: number, from: number, size: number, to: number, toSize: number) =>
    size > 0 ? to + ((v - from) / size) * toSize : to;
  return polygonShape(
    shape.points.map(([x, y]) => [along(x, shape.x, shape.w, box.x, box.w), along(y, shape.y, shape.h, box.y, box.h)]),
  );
}

export const samePoints = (a: readonly TrackPoint[] | undefined, b: readonly TrackPoint[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((p, i) => p[0] === b[i]![0] && p[1] === b[i]![1]));
