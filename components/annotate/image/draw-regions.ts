import type { Point } from '@/lib/annotate/geometry';
import { boxHandles, vertices } from '@/lib/annotate/gestures';
import type { EditorRegion } from '@/lib/annotate/patch';

// Canvas 2D drawing of regions, in image pixels under the view's transform (so line widths and
// handle sizes are divided by the scale to stay constant on screen). Regions of one class share one
// path, filled and stroked once: thousands of boxes cost a few draw calls, not thousands.

export interface Style {
  /** Screen pixels per image pixel. */
  scale: number;
  width: number;
  height: number;
  colors: ReadonlyMap<string, string>;
  skeletons: ReadonlyMap<string, readonly (readonly [number, number])[]>;
}

const FALLBACK_COLOR = '#a1a1aa';
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Adds the region's outline to the current path: the filled shapes (lines and bones are stroked only). */
function tracePath(ctx: CanvasRenderingContext2D, r: EditorRegion, s: Style) {
  if (r.type === 'bbox') {
    ctx.rect(num(r.x) * s.width, num(r.y) * s.height, num(r.w) * s.width, num(r.h) * s.height);
    return;
  }
  const pts = vertices(r);
  if (r.type === 'polygon' && pts.length > 1) {
    ctx.moveTo(pts[0]![0] * s.width, pts[0]![1] * s.height);
    for (let i = 1; i < pts.length; i++) ctx.lineTo(pts[i]![0] * s.width, pts[i]![1] * s.height);
    ctx.closePath();
  }
}

/** A polyline's segments, open: traced after the fill, which would close it. */
function traceLine(ctx: CanvasRenderingContext2D, r: EditorRegion, s: Style) {
  const pts = vertices(r);
  if (pts.length < 2) return;
  ctx.moveTo(pts[0]![0] * s.width, pts[0]![1] * s.height);
  for (let i = 1; i < pts.length; i++) ctx.lineTo(pts[i]![0] * s.width, pts[i]![1] * s.height);
}

function traceBones(ctx: CanvasRenderingContext2D, r: EditorRegion, s: Style) {
  const points = r.points as { x: number; y: number; v: number }[];
  for (const [a, b] of s.skeletons.get(r.classId) ?? []) {
    const [p, q] = [points[a], points[b]];
    if (!p || !q || p.v === 0 || q.v === 0) continue;
    ctx.moveTo(p.x * s.width, p.y * s.height);
    ctx.lineTo(q.x * s.width, q.y * s.height);
  }
}

function traceKeypoints(ctx: CanvasRenderingContext2D, r: EditorRegion, s: Style, radius: number) {
  for (const p of r.points as { x: number; y: number; v: number }[]) {
    if (p.v === 0) continue;
    ctx.moveTo(p.x * s.width + radius, p.y * s.height);
    ctx.arc(p.x * s.width, p.y * s.height, radius, 0, Math.PI * 2);
  }
}

export interface DrawOptions {
  /** Fill opacity inside shapes. */
  fill: number;
  lineWidth: number;
  dash?: number[];
  /** Overrides the class color (diff and suggestion highlighting). */
  color?: (r: EditorRegion) => string | null;
}

/** Draws regions grouped by color: one path, one fill and one stroke per color. */
export function drawRegions(ctx: CanvasRenderingContext2D, regions: Iterable<EditorRegion>, s: Style, o: DrawOptions) {
  const groups = new Map<string, EditorRegion[]>();
  for (const r of regions) {
    if (r.hidden || r.type === 'classification') continue;
    const color = o.color?.(r) ?? s.colors.get(r.classId) ?? FALLBACK_COLOR;
    const group = groups.get(color);
    if (group) group.push(r);
    else groups.set(color, [r]);
  }
  const line = o.lineWidth / s.scale;
  ctx.lineWidth = line;
  ctx.setLineDash(o.dash ? o.dash.map((d) => d / s.scale) : []);
  for (const [color, group] of groups) {
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.beginPath();
    for (const r of group) tracePath(ctx, r, s);
    ctx.globalAlpha = o.fill;
    ctx.fill();
    ctx.globalAlpha = 1;
    for (const r of group) {
      if (r.type === 'keypoints') traceBones(ctx, r, s);
      else if (r.type === 'polyline') traceLine(ctx, r, s);
    }
    ctx.stroke();
    if (group.some((r) => r.type === 'keypoints')) {
      ctx.beginPath();
      for (const r of group) if (r.type === 'keypoints') traceKeypoints(ctx, r, s, (o.lineWidth + 2) / s.scale);
      ctx.fill();
    }
  }
  ctx.setLineDash([]);
}

/** Class names above shapes, when few enough are in view to read them. */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  regions: readonly EditorRegion[],
  s: Style,
  names: ReadonlyMap<string, string>,
) {
  const size = 11 / s.scale;
  ctx.font = `600 ${size}px ui-sans-serif, system-ui, sans-serif`;
  ctx.textBaseline = 'bottom';
  for (const r of regions) {
    if (r.hidden || r.type === 'classification') continue;
    const [x, y] = anchorOf(r, s);
    const text = names.get(r.classId) ?? 'unknown';
    const w = ctx.measureText(text).width + 6 / s.scale;
    ctx.fillStyle = s.colors.get(r.classId) ?? FALLBACK_COLOR;
    ctx.fillRect(x, y - size - 3 / s.scale, w, size + 3 / s.scale);
    ctx.fillStyle = '#fff';
    ctx.fillText(text, x + 3 / s.scale, y - 1 / s.scale);
  }
}

function anchorOf(r: EditorRegion, s: Style): Point {
  if (r.type === 'bbox') return [num(r.x) * s.width, num(r.y) * s.height];
  const pts = vertices(r).filter((_, i) => r.type !== 'keypoints' || (r.points as { v: number }[])[i]!.v > 0);
  if (pts.length === 0) return [0, 0];
  const top = pts.reduce((a, b) => (b[1] < a[1] ? b : a));
  return [top[0] * s.width, top[1] * s.height];
}

/** Square grips on a selected shape's handles or vertices, constant in screen size. */
export function drawHandles(ctx: CanvasRenderingContext2D, r: EditorRegion, s: Style) {
  const points: Point[] = r.type === 'bbox' ? boxHandles(r).map(([, p]) => p) : vertices(r);
  const half = 4 / s.scale;
  ctx.lineWidth = 1.5 / s.scale;
  ctx.fillStyle = '#fff';
  ctx.strokeStyle = s.colors.get(r.classId) ?? FALLBACK_COLOR;
  ctx.beginPath();
  const visible = r.type === 'keypoints' ? (r.points as { v: number }[]) : null;
  points.forEach(([x, y], i) => {
    if (visible?.[i]?.v === 0) return;
    ctx.rect(x * s.width - half, y * s.height - half, half * 2, half * 2);
  });
  ctx.fill();
  ctx.stroke();
}

/** A shape being placed: the points so far, and a rubber band to the pointer. */
export function drawDraft(
  ctx: CanvasRenderingContext2D,
  points: readonly Point[],
  cursor: Point | null,
  color: string,
  s: Style,
  /** A line from the last point to the pointer (paths, not keypoints). */
  band: boolean,
) {
  if (points.length === 0) return;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.lineWidth = 1.5 / s.scale;
  ctx.beginPath();
  ctx.moveTo(points[0]![0] * s.width, points[0]![1] * s.height);
  for (const [x, y] of points.slice(1)) ctx.lineTo(x * s.width, y * s.height);
  if (cursor && band) ctx.lineTo(cursor[0] * s.width, cursor[1] * s.height);
  ctx.stroke();
  const r = 3 / s.scale;
  ctx.beginPath();
  for (const [x, y] of points) {
    ctx.moveTo(x * s.width + r, y * s.height);
    ctx.arc(x * s.width, y * s.height, r, 0, Math.PI * 2);
  }
  ctx.fill();
}

/** The marquee's rectangle, dashed. */
export function drawMarquee(ctx: CanvasRenderingContext2D, a: Point, b: Point, s: Style) {
  ctx.lineWidth = 1 / s.scale;
  ctx.setLineDash([4 / s.scale, 3 / s.scale]);
  ctx.strokeStyle = '#2563eb';
  ctx.fillStyle = 'rgba(37, 99, 235, 0.08)';
  const [x, y] = [Math.min(a[0], b[0]) * s.width, Math.min(a[1], b[1]) * s.height];
  const [w, h] = [Math.abs(a[0] - b[0]) * s.width, Math.abs(a[1] - b[1]) * s.height];
  ctx.fillRect(x, y, w, h);
  ctx.strokeRect(x, y, w, h);
  ctx.setLineDash([]);
}

/** Lines between image pixels over the visible part of the image, at high zoom. */
export function drawPixelGrid(
  ctx: CanvasRenderingContext2D,
  visible: { x0: number; y0: number; x1: number; y1: number },
  s: Style,
) {
  const [c0, c1] = [Math.max(0, Math.floor(visible.x0 * s.width)), Math.min(s.width, Math.ceil(visible.x1 * s.width))];
  const [r0, r1] = [Math.max(0, Math.floor(visible.y0 * s.height)), Math.min(s.height, Math.ceil(visible.y1 * s.height))];
  ctx.lineWidth = 1 / s.scale;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.18)';
  ctx.beginPath();
  for (let c = c0; c <= c1; c++) {
    ctx.moveTo(c, r0);
    ctx.lineTo(c, r1);
  }
  for (let r = r0; r <= r1; r++) {
    ctx.moveTo(c0, r);
    ctx.lineTo(c1, r);
  }
  ctx.stroke();
}
