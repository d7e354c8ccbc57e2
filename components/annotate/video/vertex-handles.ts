import Konva from 'konva';
import type { TrackPoint } from '@/lib/tracks/polygon-bounds';

// The handles on the selected polygon's vertices: one group on the overlay's layer laid over that
// polygon's group (not a group inside every shape: the overlay updates every shape on every frame).
// A handle dragged reshapes the polygon's outline as it moves, and reports the points when dropped.

export class VertexHandles {
  private readonly group = new Konva.Group();
  private target: Konva.Group | null = null;
  /** A handle is being dragged: a sync meanwhile must not move or remove it. */
  private dragging = false;

  constructor(
    layer: Konva.Layer,
    private readonly toPoint: (x: number, y: number) => TrackPoint,
    private readonly onPoints: (id: string, points: TrackPoint[]) => void,
  ) {
    layer.add(this.group);
  }

  /** Handles on `outline` (pixels relative to `target`, the polygon's group), or none without a target. */
  show(target: Konva.Group | null, outline: readonly number[]): void {
    if (this.dragging) return;
    this.target = target;
    const circles = this.group.getChildren() as Konva.Circle[];
    const count = target ? outline.length / 2 : 0;
    for (let i = circles.length - 1; i >= count; i--) circles[i]!.destroy();
    for (let i = 0; i < count; i++) (circles[i] ?? this.make(i)).position({ x: outline[2 * i]!, y: outline[2 * i + 1]! });
    if (target) this.follow(target);
    this.group.moveToTop();
  }

  /** Keeps the handles over `shape` while the whole polygon is dragged. */
  follow(shape: Konva.Group): void {
    if (shape === this.target) this.group.position(shape.position());
  }

  private make(index: number): Konva.Circle {
    const circle = new Konva.Circle({ radius: 5, fill: '#ffffff', stroke: '#4f46e5', strokeWidth: 2, draggable: true });
    const outline = () => this.target?.findOne<Konva.Line>('Line') ?? null;
    circle.on('dragstart', () => (this.dragging = true));
    circle.on('dragmove', () => {
      const line = outline();
      if (!line) return;
      const points = line.points().slice();
      points[2 * index] = circle.x();
      points[2 * index + 1] = circle.y();
      line.points(points);
    });
    circle.on('dragend', () => {
      this.dragging = false;
      const [line, target] = [outline(), this.target];
      if (!line || !target) return;
      const p = line.points();
      const points: TrackPoint[] = [];
      for (let i = 0; i < p.length; i += 2) points.push(this.toPoint(target.x() + p[i]!, target.y() + p[i + 1]!));
      this.onPoints(target.id(), points);
    });
    this.group.add(circle);
    return circle;
  }
}
