import Konva from 'konva';
import type { Point } from '@/lib/annotate/geometry';
import { previewOf, type Gesture, type ShapeDraft } from '@/lib/annotate/gestures';
import { regionsTouching, type HitIndex } from '@/lib/annotate/hit-test';
import type { EditorRegion } from '@/lib/annotate/patch';
import { PIXEL_GRID_SCALE, visibleBounds, type View } from '@/lib/annotate/view';
import { RegionBitmap } from './region-bitmap';
import { drawDraft, drawHandles, drawLabels, drawMarquee, drawPixelGrid, drawRegions, type Style } from './draw-regions';

// The konva binding: three layers, none listening (the canvas routes pointer input itself through
// the grid hit index, so konva keeps no hit canvas). The image layer holds the picture; the regions
// layer draws every unselected region in one shape, from a bitmap kept while only the view's position
// changes (region-bitmap.ts; past its size limit, only the regions in view, directly); the overlay
// draws what changes while a gesture runs: the selection, its handles, a draft, the marquee. A drag
// redraws only the overlay. Every redraw is a batchDraw, so many changes in a frame cost one paint.

export interface Scene {
  regions: readonly EditorRegion[];
  index: HitIndex;
  selected: ReadonlySet<string>;
  colors: ReadonlyMap<string, string>;
  names: ReadonlyMap<string, string>;
  skeletons: ReadonlyMap<string, readonly (readonly [number, number])[]>;
  /** Review mode: added / removed / changed regions get their own colors. */
  diff: ReadonlyMap<string, 'added' | 'removed' | 'changed'> | null;
  /** Regions of the other version shown in a diff (removed ones), drawn dashed. */
  ghosts: readonly EditorRegion[];
  /** A selected shape shows its handles (not in review, where selecting only points at it). */
  editable: boolean;
}

export interface Transient {
  gesture: Gesture | null;
  draft: ShapeDraft | null;
  cursor: Point | null;
}

/** Above this many regions in view, names are not drawn (they would be unreadable and slow). */
const MAX_LABELS = 300;
const DIFF_COLORS = { added: '#16a34a', removed: '#dc2626', changed: '#d97706' } as const;

export class ImageStage {
  private stage: Konva.Stage;
  private picture = new Konva.Image({ image: undefined, listening: false });
  private imageLayer = new Konva.Layer({ listening: false });
  private regionLayer = new Konva.Layer({ listening: false });
  private overlayLayer = new Konva.Layer({ listening: false });
  private view: View | null = null;
  private scene: Scene | null = null;
  private transient: Transient = { gesture: null, draft: null, cursor: null };
  private bitmap = new RegionBitmap(() => this.regionLayer.batchDraw());
  private regionsDrawn = false;
  private onShown: (() => void) | null = null;

  constructor(container: HTMLDivElement) {
    this.stage = new Konva.Stage({ container, width: container.clientWidth, height: container.clientHeight });
    this.imageLayer.add(this.picture);
    this.regionLayer.add(new Konva.Shape({ listening: false, sceneFunc: (ctx) => this.drawScene(ctx._context) }));
    this.overlayLayer.add(new Konva.Shape({ listening: false, sceneFunc: (ctx) => this.drawOverlay(ctx._context) }));
    this.stage.add(this.imageLayer, this.regionLayer, this.overlayLayer);
  }

  destroy() {
    this.bitmap.release();
    this.stage.destroy();
  }

  size() {
    return { width: this.stage.width(), height: this.stage.height() };
  }

  resize(width: number, height: number) {
    this.stage.size({ width, height });
    this.stage.batchDraw();
  }

  setImage(image: CanvasImageSource, width: number, height: number) {
    this.picture.setAttrs({ image, width, height });
    this.imageLayer.batchDraw();
  }

  /**
   * Calls back once the picture set last is on screen with every region drawn: at its layer's next
   * draw, or at the regions' first draw when that comes later (what a person sees complete).
   */
  whenShown(callback: () => void) {
    this.imageLayer.off('draw.shown');
    this.imageLayer.on('draw.shown', () => {
      this.imageLayer.off('draw.shown');
      if (this.regionsDrawn) callback();
      else this.onShown = callback;
    });
  }

  /** CSS filters on the image layer's canvas: the GPU adjusts the picture, the regions stay as they are. */
  setAdjustments(brightness: number, contrast: number) {
    this.imageLayer.getNativeCanvasElement().style.filter = `brightness(${brightness}) contrast(${contrast})`;
  }

  setView(view: View) {
    this.view = view;
    this.stage.setAttrs({ scaleX: view.scale, scaleY: view.scale, x: view.x, y: view.y });
    this.stage.batchDraw();
  }

  setScene(scene: Scene) {
    this.scene = scene;
    this.regionLayer.batchDraw();
    this.overlayLayer.batchDraw();
  }

  setTransient(transient: Transient) {
    this.transient = transient;
    this.overlayLayer.batchDraw();
  }

  private style(): Style | null {
    if (!this.view || !this.scene) return null;
    const { scale, width, height } = this.view;
    return { scale, width, height, colors: this.scene.colors, skeletons: this.scene.skeletons };
  }

  /** The regions in view, in z-order; all of them when the whole image is in view. */
  private inView(): readonly EditorRegion[] {
    const { scene, view } = this;
    if (!scene || !view) return [];
    const visible = visibleBounds(view, this.size());
    if (visible.x0 <= 0 && visible.y0 <= 0 && visible.x1 >= 1 && visible.y1 >= 1) return scene.regions;
    return regionsTouching(scene.index, visible).map((i) => scene.regions[i]!);
  }

  private drawScene(ctx: CanvasRenderingContext2D) {
    const style = this.style();
    const scene = this.scene;
    if (!style || !scene) return;
    const unselected = (regions: readonly EditorRegion[]) => regions.filter((r) => !scene.selected.has(r.id));
    const cached = this.bitmap.draw(ctx, scene, style, (bitmap) => this.drawShapes(bitmap, unselected(scene.regions), style));
    const shown = unselected(this.inView());
    if (!cached) this.drawShapes(ctx, shown, style);
    if (shown.length <= MAX_LABELS) drawLabels(ctx, shown, style, scene.names);
    // When the regions first appeared (over the thumbnail, usually), for the benchmark.
    if (!this.regionsDrawn) performance.mark('loupe:regions-first-drawn');
    this.regionsDrawn = true;
    const shownNow = this.onShown;
    this.onShown = null;
    shownNow?.();
  }

  private drawShapes(ctx: CanvasRenderingContext2D, regions: readonly EditorRegion[], style: Style) {
    const { diff, ghosts } = this.scene!;
    const color = diff ? (r: EditorRegion) => (diff.has(r.id) ? DIFF_COLORS[diff.get(r.id)!] : null) : undefined;
    const suggested = regions.filter((r) => r.suggestion !== undefined);
    // Model suggestions are dashed and barely filled until someone accepts them.
    drawRegions(ctx, suggested.length === 0 ? regions : regions.filter((r) => r.suggestion === undefined), style, {
      fill: 0.12,
      lineWidth: 1.5,
      color,
    });
    if (suggested.length > 0) drawRegions(ctx, suggested, style, { fill: 0.04, lineWidth: 1.5, dash: [6, 4], color });
    if (ghosts.length > 0)
      drawRegions(ctx, ghosts, style, { fill: 0, lineWidth: 1.5, dash: [5, 4], color: () => DIFF_COLORS.removed });
  }

  private drawOverlay(ctx: CanvasRenderingContext2D) {
    const style = this.style();
    const { scene, view } = this;
    if (!style || !scene || !view) return;
    if (view.scale >= PIXEL_GRID_SCALE) drawPixelGrid(ctx, visibleBounds(view, this.size()), style);
    const { gesture, draft, cursor } = this.transient;
    const selected = scene.selected.size === 0 ? [] : scene.regions.filter((r) => scene.selected.has(r.id));
    const shown = selected.map((r) => previewOf(gesture, r.id) ?? r);
    ctx.save();
    if (gesture?.kind === 'move') ctx.translate(gesture.delta[0] * view.width, gesture.delta[1] * view.height);
    drawRegions(ctx, shown, style, { fill: 0.28, lineWidth: 2.5 });
    ctx.restore();
    if (scene.editable && shown.length === 1 && !shown[0]!.locked && gesture?.kind !== 'move') drawHandles(ctx, shown[0]!, style);
    if (gesture?.kind === 'marquee') drawMarquee(ctx, gesture.from, gesture.to, style);
    if (gesture?.kind === 'draw-box') {
      const [a, b] = [gesture.from, gesture.to];
      const box: EditorRegion = {
        id: 'draft',
        type: 'bbox',
        classId: '',
        attributes: {},
        x: Math.min(a[0], b[0]),
        y: Math.min(a[1], b[1]),
        w: Math.abs(a[0] - b[0]),
        h: Math.abs(a[1] - b[1]),
      };
      drawRegions(ctx, [box], style, { fill: 0.1, lineWidth: 1.5, dash: [6, 4], color: () => '#2563eb' });
    }
    if (draft) {
      const color = scene.colors.get(draft.classId) ?? '#2563eb';
      const placed =
        draft.kind === 'keypoints' ? draft.points.filter((p) => p.v > 0).map((p) => [p.x, p.y] as const) : draft.points;
      drawDraft(ctx, placed, cursor, color, style, draft.kind !== 'keypoints');
    }
  }
}
