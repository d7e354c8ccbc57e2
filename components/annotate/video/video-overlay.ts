import Konva from 'konva';
import type { Box } from '@/lib/annotate/video/tracks';

// The boxes of the frame on screen, drawn with konva over the video: one Rect per track present on
// the frame, a Transformer on the selected one. Coordinates are normalized to the frame (0–1); the
// stage covers exactly the picture's rectangle inside the player (object-fit: contain), so a box
// drawn on a 720p proxy lands on the same pixels of the 4K original. Nothing here owns the tracks:
// `sync` makes the shapes match what the editor says, and gestures come back as callbacks.

export interface FrameBox extends Box {
  id: string;
  color: string;
  label: string;
  selected: boolean;
  /** Set by the annotator on this frame (solid) rather than interpolated (dashed). */
  keyframe: boolean;
  occluded: boolean;
  /** Past the track's last keyframe: its box held, faint, until moved (which extends the track). */
  held: boolean;
  editable: boolean;
  diff?: 'added' | 'changed' | 'removed' | null;
}

export interface OverlayEvents {
  /** A new box dragged out on empty space. */
  onDraw: (box: Box) => void;
  /** A box moved or resized: its new place on this frame. */
  onBox: (id: string, box: Box) => void;
  onSelect: (id: string | null, additive: boolean) => void;
}

/** Smaller than this (normalized side), a drag on empty space is a click, not a box. */
const MIN_DRAW = 0.005;
const DIFF_COLORS = { added: '#16a34a', removed: '#dc2626', changed: '#d97706' } as const;

export class VideoOverlay {
  private readonly stage: Konva.Stage;
  private readonly layer = new Konva.Layer();
  private readonly transformer = new Konva.Transformer({
    rotateEnabled: false,
    keepRatio: false,
    ignoreStroke: true,
    borderStroke: '#4f46e5',
    anchorStroke: '#4f46e5',
    anchorSize: 8,
  });
  private readonly rubber = new Konva.Rect({ stroke: '#4f46e5', dash: [4, 4], strokeWidth: 1, visible: false, listening: false });
  private readonly shapes = new Map<string, Konva.Group>();
  private drawFrom: { x: number; y: number } | null = null;
  private canDraw = false;
  private boxes: readonly FrameBox[] = [];

  constructor(
    container: HTMLDivElement,
    private readonly events: OverlayEvents,
  ) {
    this.stage = new Konva.Stage({ container, width: 1, height: 1 });
    this.layer.add(this.rubber, this.transformer);
    this.stage.add(this.layer);
    this.stage.on('pointerdown', (e) => this.startDraw(e));
    this.stage.on('pointermove', () => this.moveDraw());
    this.stage.on('pointerup', () => this.endDraw());
  }

  /** The picture's rectangle in CSS pixels, relative to the container. */
  resize(width: number, height: number): void {
    this.stage.size({ width: Math.max(1, width), height: Math.max(1, height) });
    this.sync(this.boxes, this.canDraw);
  }

  sync(boxes: readonly FrameBox[], canDraw: boolean): void {
    this.boxes = boxes;
    this.canDraw = canDraw;
    const { width, height } = this.stage.size();
    const seen = new Set<string>();
    for (const box of boxes) {
      seen.add(box.id);
      let group = this.shapes.get(box.id);
      if (!group) {
        group = this.makeShape(box.id);
        this.shapes.set(box.id, group);
        this.layer.add(group);
      }
      const color = box.diff ? DIFF_COLORS[box.diff] : box.color;
      group.setAttrs({
        x: box.x * width,
        y: box.y * height,
        draggable: box.editable && box.selected,
        opacity: box.held ? 0.45 : 1,
      });
      const rect = group.findOne<Konva.Rect>('Rect')!;
      rect.setAttrs({
        width: box.w * width,
        height: box.h * height,
        stroke: color,
        strokeWidth: box.selected ? 3 : 2,
        dash: box.keyframe ? [] : [6, 4],
        fill: box.occluded ? `${color}33` : box.selected ? `${color}1a` : undefined,
      });
      group.findOne<Konva.Text>('Text')!.setAttrs({ text: box.label, fill: color, y: -16 });
    }
    for (const [id, group] of this.shapes) {
      if (seen.has(id)) continue;
      group.destroy();
      this.shapes.delete(id);
    }
    const chosen = boxes.filter((b) => b.selected && b.editable).map((b) => this.shapes.get(b.id)!.findOne<Konva.Rect>('Rect')!);
    this.transformer.nodes(chosen.length === 1 ? chosen : []);
    this.transformer.moveToTop();
    this.layer.batchDraw();
  }

  destroy(): void {
    this.stage.destroy();
  }

  private makeShape(id: string): Konva.Group {
    const group = new Konva.Group({ id });
    const rect = new Konva.Rect({ strokeScaleEnabled: false });
    group.add(rect, new Konva.Text({ fontSize: 12, fontStyle: 'bold', listening: false }));
    group.on('pointerdown', (e) => {
      e.cancelBubble = true;
      this.events.onSelect(id, e.evt.shiftKey);
    });
    group.on('dragend', () => this.report(id, group, rect));
    rect.on('transformend', () => this.report(id, group, rect));
    return group;
  }

  /** A drag or resize ends: the box's normalized place, scale folded into its size. */
  private report(id: string, group: Konva.Group, rect: Konva.Rect): void {
    const { width, height } = this.stage.size();
    const x = group.x() + rect.x();
    const y = group.y() + rect.y();
    const w = rect.width() * rect.scaleX();
    const h = rect.height() * rect.scaleY();
    rect.setAttrs({ x: 0, y: 0, scaleX: 1, scaleY: 1 });
    this.events.onBox(id, { x: x / width, y: y / height, w: w / width, h: h / height });
  }

  private startDraw(e: Konva.KonvaEventObject<PointerEvent>): void {
    if (e.target !== this.stage) return;
    this.events.onSelect(null, false);
    if (!this.canDraw) return;
    this.drawFrom = this.stage.getPointerPosition();
  }

  private moveDraw(): void {
    const to = this.stage.getPointerPosition();
    if (!this.drawFrom || !to) return;
    this.rubber.setAttrs({ visible: true, ...corners(this.drawFrom, to) });
    this.layer.batchDraw();
  }

  private endDraw(): void {
    const from = this.drawFrom;
    const to = this.stage.getPointerPosition();
    this.drawFrom = null;
    this.rubber.visible(false);
    this.layer.batchDraw();
    if (!from || !to) return;
    const { width, height } = this.stage.size();
    const r = corners(from, to);
    const box = { x: r.x / width, y: r.y / height, w: r.width / width, h: r.height / height };
    if (box.w >= MIN_DRAW && box.h >= MIN_DRAW) this.events.onDraw(box);
  }
}

function corners(a: { x: number; y: number }, b: { x: number; y: number }) {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}
