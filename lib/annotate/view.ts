import type { Bounds, Point } from './geometry';

// The editor's camera: a screen point is the image pixel times `scale` plus the offset. The view
// knows the image's pixel size, so tools can speak normalized coordinates (0–1) and the renderer
// screen pixels. Zoom keeps the point under the cursor still, as every image viewer does.

export interface View {
  scale: number;
  x: number;
  y: number;
  /** The image's size in pixels. */
  width: number;
  height: number;
}

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 64;
/** From this many screen pixels per image pixel on, the renderer draws the pixel grid. */
export const PIXEL_GRID_SCALE = 12;

const clampScale = (s: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));

/** The whole image centred in a viewport of this size, with a margin. */
export function fitView(
  image: { width: number; height: number },
  viewport: { width: number; height: number },
  margin = 16,
): View {
  const scale = clampScale(Math.min((viewport.width - 2 * margin) / image.width, (viewport.height - 2 * margin) / image.height));
  return {
    scale,
    x: (viewport.width - image.width * scale) / 2,
    y: (viewport.height - image.height * scale) / 2,
    width: image.width,
    height: image.height,
  };
}

/** One image pixel per screen pixel, centred on the viewport's centre. */
export function actualSizeView(view: View, viewport: { width: number; height: number }): View {
  return zoomAt(view, [viewport.width / 2, viewport.height / 2], 1 / view.scale);
}

/** The view zoomed by `factor` about a screen point, which stays over the same image point. */
export function zoomAt(view: View, [sx, sy]: Point, factor: number): View {
  const scale = clampScale(view.scale * factor);
  const k = scale / view.scale;
  return { ...view, scale, x: sx - (sx - view.x) * k, y: sy - (sy - view.y) * k };
}

export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** A screen point (relative to the canvas) in normalized image coordinates; may lie outside 0–1. */
export function toImage(view: View, [sx, sy]: Point): Point {
  return [(sx - view.x) / (view.scale * view.width), (sy - view.y) / (view.scale * view.height)];
}

export function toScreen(view: View, [u, v]: Point): Point {
  return [view.x + u * view.width * view.scale, view.y + v * view.height * view.scale];
}

/** A length of screen pixels as a normalized distance (along the image's shorter axis, for tolerances). */
export function screenToNormalized(view: View, pixels: number): number {
  return pixels / (view.scale * Math.max(view.width, view.height));
}

/** The part of the image (normalized) the viewport shows, for drawing only what is in view. */
export function visibleBounds(view: View, viewport: { width: number; height: number }): Bounds {
  const [x0, y0] = toImage(view, [0, 0]);
  const [x1, y1] = toImage(view, [viewport.width, viewport.height]);
  return { x0, y0, x1, y1 };
}

/** The wheel's zoom factor: a notch of a mouse wheel (~100 px) zooms by about 1.2×, a trackpad pinch smoothly. */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 33 : deltaMode === 2 ? deltaY * 400 : deltaY;
  return Math.exp(-pixels * 0.0018);
}

/** Two fingers moved from `before` to `after` (screen points): zoom by their spread about their midpoint, and follow it. */
export function pinchView(view: View, before: readonly [Point, Point], after: readonly [Point, Point]): View {
  const spread = (p: readonly [Point, Point]) => Math.hypot(p[0][0] - p[1][0], p[0][1] - p[1][1]);
  const middle = (p: readonly [Point, Point]): Point => [(p[0][0] + p[1][0]) / 2, (p[0][1] + p[1][1]) / 2];
  const [m0, m1] = [middle(before), middle(after)];
  const zoomed = spread(before) > 0 ? zoomAt(view, m0, spread(after) / spread(before)) : view;
  return panBy(zoomed, m1[0] - m0[0], m1[1] - m0[1]);
}
