import { formatTime } from '@/lib/annotate/audio/time-format';
import { frameToX, type TimelineLayout, type TimelineRow, type TimelineView } from '@/lib/annotate/video/timeline';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';

// Paints the video timeline onto one canvas: the frame ruler, a label column, and the rows scrolled
// into view. Everything here is in CSS pixels under a devicePixelRatio transform, so lines are crisp
// on HiDPI screens. It draws only what the layout (already cut to the rows and frames in view) holds,
// so a frame costs the same with 200 tracks of 18,000 keyframes as with one.

export const RULER_H = 22;
export const ROW_H = 20;
export const LABEL_W = 168;

type Change = 'added' | 'changed' | 'removed';

export interface TimelineScene {
  view: TimelineView; // the track area: its x = 0 is the canvas's LABEL_W
  height: number; // canvas height, CSS pixels, ruler included
  frameCount: number;
  frame: number; // the playhead
  rows: readonly TimelineRow[];
  scrollTop: number; // vertical scroll of the rows, CSS pixels
  layout: TimelineLayout;
  classes: ReadonlyMap<string, TTaxonomyClass>;
  selected: ReadonlySet<string>;
  diff?: ReadonlyMap<string, Change>;
  ghost: { row: number; frame: number } | null; // a keyframe being dragged: where it would land
  draftEvent: { row: number; from: number; to: number } | null; // an event being dragged out on a lane
  timeOf?: (frame: number) => number; // seconds at a frame, shown beside frame numbers when given
}

const FONT = '11px ui-sans-serif, system-ui, sans-serif';
const MONO = '10px ui-monospace, SFMono-Regular, Menlo, monospace';
const DIFF_ROW: Record<Change, string> = { added: '#dcfce7', changed: '#fef3c7', removed: '#fee2e2' };
const DIFF_MARK: Record<Change, string> = { added: '#16a34a', changed: '#d97706', removed: '#dc2626' };
const SELECTED_ROW = '#eef2ff';
const SELECTED_LINE = '#4f46e5';
const NO_CLASS = '#a1a1aa';
const BORDER = '#e4e4e7';

/** 1-2-5 steps in frames: ruler ticks and labels always fall on round frame numbers. */
const STEPS = Array.from({ length: 21 }, (_, i) => [1, 2, 5][i % 3]! * 10 ** Math.floor(i / 3));

/** Ruler steps for a zoom: ticks at least 6 px apart, labels far enough apart for their text. */
export function frameRuler(pxPerFrame: number, labelPx: number): { tick: number; label: number } {
  const tick = STEPS.find((s) => s * pxPerFrame >= 6) ?? STEPS[STEPS.length - 1]!;
  const label = STEPS.find((s) => s >= tick && s % tick === 0 && s * pxPerFrame >= labelPx) ?? STEPS[STEPS.length - 1]!;
  return { tick, label };
}

export function drawTimeline(canvas: HTMLCanvasElement, s: TimelineScene): void {
  const dpr = window.devicePixelRatio || 1;
  const { height } = s;
  const width = LABEL_W + s.view.width;
  if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  box(ctx, '#ffffff', 0, 0, width, height);
  clipTo(ctx, 0, RULER_H, width, height - RULER_H);
  drawRows(ctx, s, width, dpr);
  ctx.restore();
  drawRuler(ctx, s, width);
  drawPlayhead(ctx, s, width, height);
}

function box(ctx: CanvasRenderingContext2D, color: string | CanvasPattern, x: number, y: number, w: number, h: number): void {
  ctx.fillStyle = color;
  ctx.fillRect(x, y, w, h);
}

/** Fills and/or strokes the current path. */
function paint(ctx: CanvasRenderingContext2D, fill: string | null, stroke: string | null, lineWidth = 1): void {
  if (fill) Object.assign(ctx, { fillStyle: fill }).fill();
  if (stroke) Object.assign(ctx, { strokeStyle: stroke, lineWidth }).stroke();
}

/** Saves the state and clips to a rectangle: the caller restores. */
function clipTo(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, w, h);
  ctx.clip();
}

function diamond(ctx: CanvasRenderingContext2D, x: number, y: number, r: number): void {
  ctx.moveTo(x, y - r);
  ctx.lineTo(x + r, y);
  ctx.lineTo(x, y + r);
  ctx.lineTo(x - r, y);
  ctx.closePath();
}

function rgba(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return Number.isNaN(n) ? `rgba(161,161,170,${alpha})` : `rgba(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255},${alpha})`;
}

const rowTop = (s: TimelineScene, row: number) => RULER_H + row * ROW_H - s.scrollTop;

/** A row's review change: its track's, or that of the first event in the lane that changed. */
function rowChange(r: TimelineRow, diff: ReadonlyMap<string, Change> | undefined): Change | undefined {
  if (!diff || diff.size === 0) return undefined;
  if (r.kind === 'track') return diff.get(r.track.id);
  for (const e of r.events) if (diff.has(e.id)) return diff.get(e.id);
  return undefined;
}

function drawRows(ctx: CanvasRenderingContext2D, s: TimelineScene, width: number, dpr: number): void {
  const first = Math.max(0, Math.floor(s.scrollTop / ROW_H));
  const last = Math.min(s.rows.length, Math.ceil((s.scrollTop + s.height - RULER_H) / ROW_H));
  // Backgrounds and labels first, so bars and ticks are never covered by the next row's fill.
  for (let row = first; row < last; row++) {
    const r = s.rows[row]!;
    const y = rowTop(s, row);
    const change = rowChange(r, s.diff);
    const selected = r.kind === 'track' && s.selected.has(r.track.id);
    if (change || selected) box(ctx, selected ? SELECTED_ROW : DIFF_ROW[change!], 0, y, width, ROW_H);
    if (change) box(ctx, DIFF_MARK[change], 0, y, 3, ROW_H - 1);
    box(ctx, '#f4f4f5', 0, y + ROW_H - 1, width, 1);
    drawLabel(ctx, s, r, y + ROW_H / 2);
  }
  box(ctx, BORDER, LABEL_W - 1, RULER_H, 1, s.height - RULER_H);
  clipTo(ctx, LABEL_W, RULER_H, s.view.width, s.height - RULER_H);
  ctx.translate(LABEL_W, 0);
  drawTracks(ctx, s, dpr);
  drawEvents(ctx, s);
  if (s.ghost) {
    // Solid accent with a white rim: it must stand out on any class colour and on the hatch.
    ctx.beginPath();
    diamond(ctx, frameToX(s.view, s.ghost.frame) + s.view.pxPerFrame / 2, rowTop(s, s.ghost.row) + ROW_H / 2, 6);
    paint(ctx, SELECTED_LINE, '#ffffff', 1.5);
  }
  if (s.draftEvent) drawDraftEvent(ctx, s, s.draftEvent);
  ctx.restore();
}

/** The event a drag on a lane would make: dashed, over whole frames from its first to its last. */
function drawDraftEvent(ctx: CanvasRenderingContext2D, s: TimelineScene, d: { row: number; from: number; to: number }): void {
  const x0 = frameToX(s.view, Math.min(d.from, d.to));
  const x1 = frameToX(s.view, Math.max(d.from, d.to) + 1);
  ctx.save();
  ctx.setLineDash([4, 3]);
  ctx.strokeStyle = SELECTED_LINE;
  ctx.lineWidth = 1.5;
  ctx.strokeRect(x0 + 0.5, rowTop(s, d.row) + 3.5, Math.max(1, x1 - x0 - 1), ROW_H - 7);
  ctx.restore();
}

function drawLabel(ctx: CanvasRenderingContext2D, s: TimelineScene, r: TimelineRow, mid: number): void {
  const classId = r.kind === 'track' ? r.track.classId : r.classId;
  const cls = s.classes.get(classId);
  // A square swatch for a track, a short bar for an event row: the shapes their rows hold.
  if (r.kind === 'track') box(ctx, cls?.color ?? NO_CLASS, 8, mid - 4, 8, 8);
  else box(ctx, cls?.color ?? NO_CLASS, 6, mid - 2, 12, 4);
  let right = LABEL_W - 8;
  ctx.textBaseline = 'middle';
  if (r.kind === 'track') {
    // Enough of the id to tell tracks of one class apart: all of a short id, the start of a uuid.
    const id = `#${r.track.id.length > 8 ? r.track.id.slice(0, 6) : r.track.id}`;
    ctx.font = MONO;
    ctx.fillStyle = NO_CLASS;
    right -= ctx.measureText(id).width;
    ctx.fillText(id, right, mid);
    right -= 6;
  }
  ctx.font = FONT;
  ctx.fillStyle = r.kind === 'track' && r.track.hidden ? NO_CLASS : '#27272a';
  const name = (cls?.name ?? classId) + (r.kind === 'events' && r.lane > 0 ? ` (${r.lane + 1})` : '');
  ctx.fillText(fit(ctx, name, right - 24), 24, mid);
}

// Truncations measured once: a class name is cut the same way on every row and every frame.
const fitted = new Map<string, string>();

function fit(ctx: CanvasRenderingContext2D, text: string, max: number): string {
  const key = `${ctx.font}|${Math.round(max)}|${text}`;
  let out = fitted.get(key);
  if (out === undefined) {
    let n = text.length;
    if (ctx.measureText(text).width > max) while (n > 1 && ctx.measureText(`${text.slice(0, n)}…`).width > max) n--;
    out = n === text.length ? text : `${text.slice(0, n)}…`;
    if (fitted.size > 2000) fitted.clear();
    fitted.set(key, out);
  }
  return out;
}

// Hatch tiles per colour and pixel ratio: occluded spans read as "there, but hidden" without a legend.
const hatches = new Map<string, CanvasPattern | null>();

function hatch(ctx: CanvasRenderingContext2D, color: string, dpr: number): CanvasPattern | string {
  const key = `${color}@${dpr}`;
  if (!hatches.has(key)) {
    const tile = document.createElement('canvas');
    tile.width = tile.height = Math.round(6 * dpr);
    const t = tile.getContext('2d');
    let pattern: CanvasPattern | null = null;
    if (t) {
      t.scale(dpr, dpr);
      box(t, rgba(color, 0.18), 0, 0, 6, 6);
      t.moveTo(-1, 7);
      t.lineTo(7, -1);
      paint(t, null, rgba(color, 0.8), 1.2);
      pattern = ctx.createPattern(tile, 'repeat');
      // The tile is drawn at device resolution; undo the canvas's dpr scale so it is not scaled twice.
      pattern?.setTransform(new DOMMatrix().scale(1 / dpr));
    }
    hatches.set(key, pattern);
  }
  return hatches.get(key) ?? rgba(color, 0.3);
}

function drawTracks(ctx: CanvasRenderingContext2D, s: TimelineScene, dpr: number): void {
  const radius = Math.min(4.5, Math.max(2.5, s.view.pxPerFrame * 0.45));
  for (const bar of s.layout.tracks) {
    const r = s.rows[bar.row];
    if (r?.kind !== 'track') continue;
    const color = s.classes.get(r.track.classId)?.color ?? NO_CLASS;
    const selected = s.selected.has(bar.id);
    const y = rowTop(s, bar.row);
    for (const span of bar.spans) {
      const fill = span.state === 'visible' ? rgba(color, selected ? 0.95 : r.track.hidden ? 0.3 : 0.7) : hatch(ctx, color, dpr);
      box(ctx, fill, span.x0, y + 5, span.x1 - span.x0, ROW_H - 10);
      if (!selected) continue;
      ctx.strokeStyle = SELECTED_LINE;
      ctx.lineWidth = 1;
      ctx.strokeRect(span.x0 + 0.5, y + 5.5, Math.max(0, span.x1 - span.x0 - 1), ROW_H - 11);
    }
    // One path per keyframe state: thousands of ticks cost three fills, not thousands.
    for (const state of ['visible', 'occluded', 'outside'] as const) {
      ctx.beginPath();
      let any = false;
      for (const t of bar.ticks) {
        if (t.state !== state) continue;
        diamond(ctx, t.x, y + ROW_H / 2, radius);
        any = true;
      }
      const stroke = state === 'outside' ? '#dc2626' : selected ? SELECTED_LINE : '#27272a';
      if (any) paint(ctx, state === 'visible' ? '#ffffff' : state === 'occluded' ? '#d4d4d8' : '#fafafa', stroke);
    }
  }
}

function drawEvents(ctx: CanvasRenderingContext2D, s: TimelineScene): void {
  for (const e of s.layout.events) {
    const r = s.rows[e.row];
    if (r?.kind !== 'events') continue;
    const color = s.classes.get(r.classId)?.color ?? NO_CLASS;
    const selected = s.selected.has(e.id);
    const y = rowTop(s, e.row) + 4;
    const w = Math.max(1, e.x1 - e.x0);
    ctx.beginPath();
    // Square ends where the event runs on out of view: a rounded end means "it ends here".
    ctx.roundRect(e.x0, y, w, ROW_H - 8, [e.cutStart ? 0 : 3, e.cutEnd ? 0 : 3, e.cutEnd ? 0 : 3, e.cutStart ? 0 : 3]);
    paint(ctx, rgba(color, selected ? 0.95 : 0.65), selected ? SELECTED_LINE : null, 1.5);
    // Grips on the edges that can be dragged, once the bar is wide enough to hold them.
    if (selected && w > 12 && !e.cutStart) box(ctx, '#ffffff', e.x0 + 2, y + 3, 2, ROW_H - 14);
    if (selected && w > 12 && !e.cutEnd) box(ctx, '#ffffff', e.x0 + w - 4, y + 3, 2, ROW_H - 14);
    const change = s.diff?.get(e.id);
    if (change) box(ctx, DIFF_MARK[change], e.x0, y + ROW_H - 7, w, 2);
  }
}

function drawRuler(ctx: CanvasRenderingContext2D, s: TimelineScene, width: number): void {
  const { view, frameCount, timeOf } = s;
  box(ctx, '#fafafa', 0, 0, width, RULER_H);
  box(ctx, BORDER, 0, RULER_H - 1, width, 1);
  box(ctx, BORDER, LABEL_W - 1, 0, 1, RULER_H);
  // The label column's corner states the playhead exactly: frame number, and time when known.
  ctx.font = MONO;
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#3f3f46';
  const here = `${s.frame} / ${Math.max(0, frameCount - 1)}` + (timeOf ? `  ${formatTime(timeOf(s.frame), 2)}` : '');
  ctx.fillText(fit(ctx, here, LABEL_W - 12), 8, RULER_H / 2);
  const { tick, label } = frameRuler(view.pxPerFrame, timeOf ? 110 : 56);
  // Seconds per frame on average, to give the time labels the decimals their step needs.
  const step = timeOf && frameCount > 1 ? (label * (timeOf(frameCount - 1) - timeOf(0))) / (frameCount - 1) : 0;
  const decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;
  const last = Math.min(frameCount - 1, view.first + view.width / view.pxPerFrame);
  clipTo(ctx, LABEL_W, 0, view.width, RULER_H);
  ctx.translate(LABEL_W, 0);
  ctx.textBaseline = 'top';
  // Start a label's width early, so a number whose tick is just off the left edge still shows its text.
  for (let f = Math.max(0, Math.ceil((view.first - 100 / view.pxPerFrame) / tick) * tick); f <= last; f += tick) {
    const x = Math.round(frameToX(view, f) + view.pxPerFrame / 2);
    const labeled = f % label === 0;
    box(ctx, NO_CLASS, x, labeled ? RULER_H - 8 : RULER_H - 4, 1, labeled ? 7 : 3);
    if (!labeled) continue;
    ctx.fillStyle = '#52525b';
    ctx.fillText(String(f), x + 3, 3);
    ctx.fillStyle = NO_CLASS;
    if (timeOf) ctx.fillText(formatTime(timeOf(f), decimals), x + 9 + ctx.measureText(String(f)).width, 3);
  }
  ctx.restore();
}

function drawPlayhead(ctx: CanvasRenderingContext2D, s: TimelineScene, width: number, height: number): void {
  const { view } = s;
  const cell = LABEL_W + frameToX(view, s.frame);
  const x = Math.round(cell + view.pxPerFrame / 2);
  if (x < LABEL_W - 1 || x > width + 1) return;
  // Zoomed in, the playhead's whole frame is shaded: the line alone would not say which cell it is.
  if (view.pxPerFrame >= 6) box(ctx, 'rgba(239,68,68,0.08)', Math.max(LABEL_W, cell), RULER_H, view.pxPerFrame, height - RULER_H);
  box(ctx, '#ef4444', x, 0, 1, height);
  ctx.beginPath();
  diamond(ctx, x + 0.5, 0, 6);
  ctx.fill();
}
