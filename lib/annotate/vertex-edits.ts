import { updateRegions } from './commands';
import { insertVertex, removeVertex, type Point } from './geometry';
import { edgeAt, isPath, PATH_MIN_POINTS, vertices, type ToolContext } from './gestures';
import type { Outcome } from './patch';
import type { EditorRegion } from './patch';

// Vertex edits on the one selected, unlocked polygon or polyline: a double-click on an edge adds a
// vertex there, an Alt-click on a vertex removes it (never below a triangle, or two points for a line).

function selectedPath(ctx: ToolContext): (EditorRegion & { type: keyof typeof PATH_MIN_POINTS }) | null {
  const region = ctx.selected.size === 1 ? ctx.regions.find((r) => ctx.selected.has(r.id)) : undefined;
  return region && !region.locked && isPath(region.type)
    ? (region as EditorRegion & { type: keyof typeof PATH_MIN_POINTS })
    : null;
}

/** A vertex on the edge under the point, or null when the point is on no edge of the selected path. */
export function insertVertexAt(ctx: ToolContext, point: Point): Outcome | null {
  const region = selectedPath(ctx);
  const edge = region ? edgeAt(region, point, ctx.tolerance) : -1;
  if (!region || edge < 0) return null;
  return { patch: updateRegions(ctx.regions, [region.id], (r) => ({ ...r, points: insertVertex(vertices(r), edge, point) })) };
}

/** Without the vertex under the point, or null when there is none. */
export function removeVertexAt(ctx: ToolContext, point: Point): Outcome | null {
  const region = selectedPath(ctx);
  if (!region) return null;
  const at = vertices(region).findIndex(
    (v) => Math.abs(v[0] - point[0]) <= ctx.tolerance && Math.abs(v[1] - point[1]) <= ctx.tolerance,
  );
  if (at < 0) return null;
  const min = PATH_MIN_POINTS[region.type];
  return { patch: updateRegions(ctx.regions, [region.id], (r) => ({ ...r, points: removeVertex(vertices(r), at, min) })) };
}
