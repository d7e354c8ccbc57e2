import { addRegions, moveRegions, updateRegions } from './commands';
import {
  boxFromCorners,
  clampDelta,
  distanceToSegment,
  regionBounds,
  resizeBox,
  type Bounds,
  type Handle,
  type Point,
} from './geometry';
import { regionAt, regionsIn, type HitIndex } from './hit-test';
import type { EditorRegion, Outcome } from './patch';

// What a press, drag and release on the canvas means, per tool, as pure functions: `press` starts a
// gesture, `drag` updates it (cheaply: a move is a delta the renderer applies as a translation, not
// thousands of moved copies), `release` turns it into one patch and a selection. Multi-click shapes
// (polygon, polyline, keypoints) are drafts that grow click by click until they are finished.

export type Tool = 'select' | 'bbox' | 'polygon' | 'polyline' | 'keypoints';

/** Shapes drawn as a path of clicked points, and the fewest points each needs. */
export const PATH_MIN_POINTS = { polygon: 3, polyline: 2 } as const;
export type PathKind = keyof typeof PATH_MIN_POINTS;
export const isPath = (type: string): type is PathKind => type in PATH_MIN_POINTS;

export interface ToolContext {
  regions: readonly EditorRegion[];
  index: HitIndex;
  selected: ReadonlySet<string>;
  /** The class new shapes get; null when none is chosen (drawing tools then do nothing). */
  classId: string | null;
  /** Normalized distance that counts as "on" a handle, vertex or thin shape (a few screen pixels). */
  tolerance: number;
  newId: () => string;
}

export type Gesture =
  | { kind: 'move'; ids: string[]; from: Point; union: Bounds; delta: Point; moved: boolean }
  | { kind: 'resize'; id: string; handle: Handle; region: EditorRegion }
  | { kind: 'vertex'; id: string; vertex: number; region: EditorRegion }
  | { kind: 'marquee'; from: Point; to: Point; additive: boolean }
  | { kind: 'draw-box'; from: Point; to: Point }
  | { kind: 'select'; ids: string[] };

export interface Modifiers {
  shift: boolean;
  alt: boolean;
}

const HANDLES: Handle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** A box's handle positions, in normalized coordinates. */
export function boxHandles(region: EditorRegion): [Handle, Point][] {
  const [x, y, w, h] = [num(region.x), num(region.y), num(region.w), num(region.h)];
  const at: Record<Handle, Point> = {
    nw: [x, y],
    n: [x + w / 2, y],
    ne: [x + w, y],
    e: [x + w, y + h / 2],
    se: [x + w, y + h],
    s: [x + w / 2, y + h],
    sw: [x, y + h],
    w: [x, y + h / 2],
  };
  return HANDLES.map((handle) => [handle, at[handle]]);
}

/** The vertices a person can drag: a polygon's or polyline's points, or the labeled points of a keypoint set. */
export function vertices(region: EditorRegion): Point[] {
  const points = Array.isArray(region.points) ? (region.points as unknown[]) : [];
  if (isPath(region.type)) return points.map((p) => p as Point);
  if (region.type === 'keypoints') return points.map((p) => [num((p as { x: number }).x), num((p as { y: number }).y)]);
  return [];
}

const near = (a: Point, b: Point, tolerance: number) => Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance;

function unionBounds(regions: readonly EditorRegion[]): Bounds | null {
  let union: Bounds | null = null;
  for (const r of regions) {
    const b = regionBounds(r);
    if (!b) continue;
    union = union
      ? { x0: Math.min(union.x0, b.x0), y0: Math.min(union.y0, b.y0), x1: Math.max(union.x1, b.x1), y1: Math.max(union.y1, b.y1) }
      : b;
  }
  return union;
}

/** A handle or vertex of a selected, editable region under the point, which a press grabs first. */
function grabbable(ctx: ToolContext, point: Point): Gesture | null {
  if (ctx.selected.size !== 1) return null;
  const [id] = ctx.selected;
  const region = ctx.regions.find((r) => r.id === id);
  if (!region || region.locked || region.hidden) return null;
  if (region.type === 'bbox') {
    const hit = boxHandles(region).find(([, p]) => near(p, point, ctx.tolerance));
    return hit ? { kind: 'resize', id: region.id, handle: hit[0], region } : null;
  }
  const vertex = vertices(region).findIndex((p) => near(p, point, ctx.tolerance));
  return vertex >= 0 ? { kind: 'vertex', id: region.id, vertex, region } : null;
}

/** The press starts a gesture; drawing tools ignore presses when no class is chosen. */
export function press(tool: Tool, ctx: ToolContext, point: Point, mods: Modifiers): Gesture | null {
  if (tool === 'bbox') return ctx.classId ? { kind: 'draw-box', from: point, to: point } : null;
  if (tool !== 'select') return null;
  const handle = mods.shift ? null : grabbable(ctx, point);
  if (handle) return handle;
  const hit = regionAt(ctx.index, point, ctx.tolerance);
  if (!hit) return { kind: 'marquee', from: point, to: point, additive: mods.shift };
  if (mods.shift) {
    const ids = ctx.selected.has(hit.id) ? [...ctx.selected].filter((id) => id !== hit.id) : [...ctx.selected, hit.id];
    return { kind: 'select', ids };
  }
  const ids = ctx.selected.has(hit.id) ? [...ctx.selected] : [hit.id];
  const moving = ctx.regions.filter((r) => ids.includes(r.id) && !r.locked);
  const union = unionBounds(moving);
  if (!union) return { kind: 'select', ids };
  return { kind: 'move', ids, from: point, union, delta: [0, 0], moved: false };
}

export function drag(gesture: Gesture, point: Point): Gesture {
  switch (gesture.kind) {
    case 'move': {
      const delta = clampDelta(gesture.union, point[0] - gesture.from[0], point[1] - gesture.from[1]);
      return { ...gesture, delta, moved: gesture.moved || delta[0] !== 0 || delta[1] !== 0 };
    }
    case 'resize':
      return { ...gesture, region: { ...gesture.region, ...resizeBox(boxOf(gesture.region), gesture.handle, point) } };
    case 'vertex':
      return { ...gesture, region: moveVertex(gesture.region, gesture.vertex, point) };
    case 'marquee':
    case 'draw-box':
      return { ...gesture, to: point };
    case 'select':
      return gesture;
  }
}

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
const boxOf = (r: EditorRegion) => ({ x: num(r.x), y: num(r.y), w: num(r.w), h: num(r.h) });

function moveVertex(region: EditorRegion, vertex: number, [x, y]: Point): EditorRegion {
  const points = (region.points as unknown[]).slice();
  const to: Point = [clamp01(x), clamp01(y)];
  if (isPath(region.type)) points[vertex] = to;
  // A dragged keypoint is placed: an unlabeled one becomes visible.
  else {
    const p = points[vertex] as { v: number };
    points[vertex] = { ...p, x: to[0], y: to[1], v: p.v === 0 ? 2 : p.v };
  }
  return { ...region, points };
}

/** The region as the gesture shows it right now, for the renderer (null: drawn as stored). */
export function previewOf(gesture: Gesture | null, id: string): EditorRegion | null {
  if (!gesture) return null;
  if ((gesture.kind === 'resize' || gesture.kind === 'vertex') && gesture.id === id) return gesture.region;
  return null;
}

/** The smallest box worth keeping, in normalized units: a click without a drag draws nothing. */
const MIN_BOX = 1e-3;

export function release(gesture: Gesture, ctx: ToolContext): Outcome {
  switch (gesture.kind) {
    case 'move':
      if (!gesture.moved) return { patch: [], select: gesture.ids };
      return { patch: moveRegions(ctx.regions, gesture.ids, gesture.delta[0], gesture.delta[1]), select: gesture.ids };
    case 'resize':
    case 'vertex':
      return { patch: updateRegions(ctx.regions, [gesture.id], () => gesture.region) };
    case 'marquee': {
      const inside = regionsIn(ctx.index, bounds(gesture.from, gesture.to));
      return { patch: [], select: gesture.additive ? [...new Set([...ctx.selected, ...inside])] : inside };
    }
    case 'draw-box': {
      const box = boxFromCorners(gesture.from, gesture.to);
      if (!ctx.classId || box.w < MIN_BOX || box.h < MIN_BOX) return { patch: [] };
      const region: EditorRegion = { id: ctx.newId(), type: 'bbox', classId: ctx.classId, attributes: {}, ...box };
      return { patch: addRegions(ctx.regions, [region]), select: [region.id] };
    }
    case 'select':
      return { patch: [], select: gesture.ids };
  }
}

const bounds = (a: Point, b: Point): Bounds => ({ x0: a[0], y0: a[1], x1: b[0], y1: b[1] });

/** A polygon, polyline or keypoint set being placed click by click. */
export type ShapeDraft =
  | { kind: PathKind; classId: string; points: Point[] }
  | { kind: 'keypoints'; classId: string; points: { x: number; y: number; v: 0 | 1 | 2 }[]; size: number };

/**
 * A click while drawing a path: the first click starts it; a click on a polygon's first vertex (with
 * three or more) closes it, a click on a polyline's last point again (with two or more) ends it.
 */
export function pathClick(
  kind: PathKind,
  draft: ShapeDraft | null,
  ctx: ToolContext,
  point: Point,
): { draft: ShapeDraft | null; outcome?: Outcome } {
  if (!ctx.classId) return { draft };
  const p: Point = [clamp01(point[0]), clamp01(point[1])];
  if (!draft || draft.kind !== kind) return { draft: { kind, classId: ctx.classId, points: [p] } };
  const end = kind === 'polygon' ? draft.points[0]! : draft.points.at(-1)!;
  if (draft.points.length >= PATH_MIN_POINTS[kind] && near(end, point, ctx.tolerance)) return finishDraft(draft, ctx);
  return { draft: { ...draft, points: [...draft.points, p] } };
}

/**
 * A click while placing keypoints puts the next point of the skeleton (alt: occluded); the set
 * becomes a region when every point is placed.
 */
export function keypointClick(
  draft: ShapeDraft | null,
  ctx: ToolContext,
  point: Point,
  size: number,
  mods: Modifiers,
): { draft: ShapeDraft | null; outcome?: Outcome } {
  if (!ctx.classId || size < 1) return { draft };
  const placed = { x: clamp01(point[0]), y: clamp01(point[1]), v: mods.alt ? (1 as const) : (2 as const) };
  const current = draft?.kind === 'keypoints' ? draft : { kind: 'keypoints' as const, classId: ctx.classId, points: [], size };
  const next = { ...current, points: [...current.points, placed] };
  return next.points.length >= size ? finishDraft(next, ctx) : { draft: next };
}

/** Skips the next keypoint (not visible in the image: stored unlabeled, v = 0). */
export function skipKeypoint(draft: ShapeDraft | null, ctx: ToolContext): { draft: ShapeDraft | null; outcome?: Outcome } {
  if (draft?.kind !== 'keypoints') return { draft };
  const next = { ...draft, points: [...draft.points, { x: 0, y: 0, v: 0 as const }] };
  return next.points.length >= next.size ? finishDraft(next, ctx) : { draft: next };
}

/**
 * Enter: a polygon with three or more points closes, a polyline with two or more ends; keypoints not
 * yet placed are stored as unlabeled.
 */
export function finishDraft(draft: ShapeDraft, ctx: ToolContext): { draft: ShapeDraft | null; outcome?: Outcome } {
  if (draft.kind !== 'keypoints') {
    if (draft.points.length < PATH_MIN_POINTS[draft.kind]) return { draft };
    const region: EditorRegion = {
      id: ctx.newId(),
      type: draft.kind,
      classId: draft.classId,
      attributes: {},
      points: draft.points,
    };
    return { draft: null, outcome: { patch: addRegions(ctx.regions, [region]), select: [region.id] } };
  }
  if (!draft.points.some((p) => p.v > 0)) return { draft: null };
  const missing = Array.from({ length: draft.size - draft.points.length }, () => ({ x: 0, y: 0, v: 0 as const }));
  const region: EditorRegion = {
    id: ctx.newId(),
    type: 'keypoints',
    classId: draft.classId,
    attributes: {},
    points: [...draft.points, ...missing],
  };
  return { draft: null, outcome: { patch: addRegions(ctx.regions, [region]), select: [region.id] } };
}

/** Backspace while drawing: the last point goes; a draft with none left is dropped. */
export function undoDraftPoint(draft: ShapeDraft): ShapeDraft | null {
  const points = draft.points.slice(0, -1);
  return points.length === 0 ? null : ({ ...draft, points } as ShapeDraft);
}

/**
 * The edge of a polygon or polyline under the point (its first vertex's index), or -1: a double-click
 * there inserts a vertex. A polyline has no closing edge.
 */
export function edgeAt(region: EditorRegion, point: Point, tolerance: number): number {
  if (!isPath(region.type)) return -1;
  const pts = vertices(region);
  const edges = region.type === 'polygon' ? pts.length : pts.length - 1;
  for (let i = 0; i < edges; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % pts.length]!;
    if (distanceToSegment(point, a, b) <= tolerance) return i;
  }
  return -1;
}
