import Konva from 'konva';
import type { Box } from '@/lib/annotate/video/tracks';
import type { TrackPoint } from '@/lib/tracks/polygon-bounds';
import { PolygonDraft, type Pixel } from './polygon-draft';
import { VertexHandles } from './vertex-handles';

// The shapes of the frame on screen, drawn with konva over the video: one Rect or closed Line per
// track present on the frame, a Transformer on the selected box, vertex handles on the selected
// polygon. Coordinates are normalized to the frame (0–1); the stage covers exactly the picture's
// rectangle inside the player (object-fit: contain), so a box drawn on a 720p proxy lands on the
// same pixels of the 4K original. Nothing here owns the tracks: `sync` makes the shapes match what
// the editor says, and gestures come back as callbacks.

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
  /** A polygon track's polygon on the frame (normalized); the box is its bounds. */
  points?: TrackPoint[];
}

/** What a press on empty space draws: a box dragged out, a polygon clicked point by point, or nothing. */
export type DrawTool = 'box' | 'polygon' | null;

export interface OverlayEvents {
  /** A new box dragged out on empty space. */
  onDraw: (box: Box) => void;
  /** A new polygon closed (normalized points, three or more). */
  onDrawPolygon: (points: TrackPoint[]) => void;
  /** A shape moved or resized: its new box on this frame (a polygon is carried into it). */
  onBox: (id: string, box: Box) => void;
  /** A vertex of the selected polygon dragged: the polygon's points on this frame. */
  onPoints: (id: string, points: TrackPoint[]) => void;
  onSelect: (id: string | null, additive: boolean) => void;
  /** A polygon is being drawn: from its first click until it closes or is dropped. */
  onDrafting: (active: boolean) => void;
}

/** Smaller than this (normalized side), a drag on empty space is a click, not a box. */
const MIN_DRAW = 0.005;
const DIFF_COLORS = { added: '#16a34a', removed: '#dc2626', changed: '#d97706' } as const;

/** The polygon being drawn, for the keys that close (Enter) or drop (Escape) it. */
export interface DraftControl {
  closeDraft: () => boolean;
  cancelDraft: () => boolean;
}

export class VideoOverlay implements DraftControl {
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
  private readonly draft: PolygonDraft;
  private readonly shapes = new Map<string, Konva.Group>();
  private drawFrom: Pixel | null = null;
  private tool: DrawTool = null;
  private readonly handles: VertexHandles;
  private boxes: readonly FrameBox[] = [];

  constructor(
    container: HTMLDivElement,
    private readonly events: OverlayEvents,
  ) {
    this.stage = new Konva.Stage({ container, width: 1, height: 1 });
    this.layer.add(this.rubber, this.transformer);
    this.draft = new PolygonDraft(this.layer, (active) => events.onDrafting(active));
    this.handles = new VertexHandles(this.layer, (x, y) => this.normalized({ x, y }), events.onPoints);
    this.stage.add(this.layer);
    this.stage.on('pointerdown', (e) => this.press(e));
    this.stage.on('pointermove', () => this.movePointer());
    this.stage.on('pointerup', () => this.endDraw());
    this.stage.on('dblclick', () => this.closeDraft());
  }

  /** The picture's rectangle in CSS pixels, relative to the container. */
  resize(width: number, height: number): void {
    this.draft.cancel();
    this.stage.size({ width: Math.max(1, width), height: Math.max(1, height) });
    this.sync(this.boxes, this.tool);
  }

  sync(boxes: readonly FrameBox[], tool: DrawTool): void {
    this.boxes = boxes;
    if (tool !== 'polygon') this.draft.cancel();
    this.tool = tool;
    const { width, height } = this.stage.size();
    const seen = new Set<string>();
    const oneSelected = boxes.filter((b) => b.selected && b.editable).length === 1;
    let editedPolygon: { group: Konva.Group; outline: number[] } | null = null;
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
      const look = {
        stroke: color,
        strokeWidth: box.selected ? 3 : 2,
        dash: box.keyframe ? [] : [6, 4],
        // A polygon is always faintly filled, so a click anywhere inside it takes it, not only on its outline.
        fill: box.occluded ? `${color}33` : box.selected ? `${color}1a` : box.points ? `${color}0d` : undefined,
      };
      // A polygon's Rect stays as its bounds, unseen: a drag of the whole polygon reports through it like a box's.
      group
        .findOne<Konva.Rect>('Rect')!
        .setAttrs({ width: box.w * width, height: box.h * height, ...look, visible: !box.points });
      const outline = box.points?.flatMap(([x, y]) => [(x - box.x) * width, (y - box.y) * height]) ?? [];
      group.findOne<Konva.Line>('Line')!.setAttrs({ points: outline, ...look, visible: Boolean(box.points) });
      group.findOne<Konva.Text>('Text')!.setAttrs({ text: box.label, fill: color, y: -16 });
      if (box.points && box.selected && box.editable && oneSelected) editedPolygon = { group, outline };
    }
    for (const [id, group] of this.shapes) {
      if (seen.has(id)) continue;
      group.destroy();
      this.shapes.delete(id);
    }
    const chosen = boxes
      .filter((b) => b.selected && b.editable && !b.points)
      .map((b) => this.shapes.get(b.id)!.findOne<Konva.Rect>('Rect')!);
    this.transformer.nodes(oneSelected && chosen.length === 1 ? chosen : []);
    this.transformer.moveToTop();
    this.handles.show(editedPolygon?.group ?? null, editedPolygon?.outline ?? []);
    this.layer.batchDraw();
  }

  /** Enter or a double-click: the polygon being drawn becomes a track when it has three points. */
  closeDraft(): boolean {
    const points = this.draft.close();
    if (points) this.events.onDrawPolygon(points.map((p) => this.normalized(p)));
    return points !== null;
  }

  /** Escape: drops the polygon being drawn; false when there was none. */
  cancelDraft(): boolean {
    return this.draft.cancel();
  }

  destroy(): void {
    this.stage.destroy();
  }

  private normalized(p: Pixel): TrackPoint {
    const { width, height } = this.stage.size();
    return [p.x / width, p.y / height];
  }

  private makeShape(id: string): Konva.Group {
    const group = new Konva.Group({ id });
    const rect = new Konva.Rect({ strokeScaleEnabled: false });
    const outline = new Konva.Line({ closed: true, strokeScaleEnabled: false });
    group.add(rect, outline, new Konva.Text({ fontSize: 12, fontStyle: 'bold', listening: false }));
    group.on('pointerdown', (e) => {
      // While a polygon is drawn, a click on a shape is a vertex of the new polygon: the stage takes it.
      if (this.draft.active) return;
      e.cancelBubble = true;
      this.events.onSelect(id, e.evt.shiftKey);
    });
    group.on('dragmove', () => this.handles.follow(group));
    group.on('dragend', () => this.report(id, group, rect));
    rect.on('transformend', () => this.report(id, group, rect));
    return group;
  }

  /** A drag or resize ends: the shape's normalized box, scale folded into its size. */
  private report(id: string, group: Konva.Group, rect: Konva.Rect): void {
    const { width, height } = this.stage.size();
    const x = group.x() + rect.x();
    const y = group.y() + rect.y();
    const w = rect.width() * rect.scaleX();
    const h = rect.height() * rect.scaleY();
    rect.setAttrs({ x: 0, y: 0, scaleX: 1, scaleY: 1 });
    this.events.onBox(id, { x: x / width, y: y / height, w: w / width, h: h / height });
  }

  private press(e: Konva.KonvaEventObject<PointerEvent>): void {
    const at = this.stage.getPointerPosition();
    if (this.tool === 'polygon' && at) {
      if (e.target !== this.stage && !this.draft.active) return;
      if (!this.draft.active) this.events.onSelect(null, false);
      const closed = this.draft.click(at);
      if (closed) this.events.onDrawPolygon(closed.map((p) => this.normalized(p)));
      return;
    }
    if (e.target !== this.stage) return;
    this.events.onSelect(null, false);
    if (this.tool === 'box') this.drawFrom = at;
  }

  private movePointer(): void {
    const to = this.stage.getPointerPosition();
    if (!to) return;
    if (this.draft.active) return this.draft.move(to);
    if (!this.drawFrom) return;
    this.rubber.setAttrs({ visible: true, ...corners(this.drawFrom, to) });
    this.layer.batchDraw();
  }

  private endDraw(): void {
    const from = this.drawFrom;
    const to = this.stage.getPointerPosition();
    this.drawFrom = null;
    if (!from) return;
    this.rubber.visible(false);
    this.layer.batchDraw();
    if (!to) return;
    const { width, height } = this.stage.size();
    const r = corners(from, to);
    const box = { x: r.x / width, y: r.y / height, w: r.width / width, h: r.height / height };
    if (box.w >= MIN_DRAW && box.h >= MIN_DRAW) this.events.onDraw(box);
  }
}

function corners(a: Pixel, b: Pixel) {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}
