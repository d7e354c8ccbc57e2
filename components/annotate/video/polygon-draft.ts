import Konva from 'konva';

// A polygon being drawn on the video overlay, click by click, in the stage's pixels. A click near the
// first point closes it once it has three points, as a double-click or Enter does (the overlay asks
// `close`); Escape drops it (`cancel`). The two clicks of a double-click land on one spot: the second
// adds no vertex, and right after a close it starts no new polygon.

export interface Pixel {
  x: number;
  y: number;
}

/** A click this near the first point closes the polygon. */
const CLOSE_PX = 8;
/** A click this near the last point (or the point that just closed a polygon) is the same click again. */
const SAME_PX = 3;
/** How long after a close a click on the same spot still belongs to it (the double-click's tail). */
const CLOSE_ECHO_MS = 500;

const near = (a: Pixel, b: Pixel, px: number) => Math.hypot(a.x - b.x, a.y - b.y) <= px;

export class PolygonDraft {
  private points: Pixel[] = [];
  private pointer: Pixel | null = null;
  private closed: { at: Pixel; time: number } | null = null;
  private readonly line = new Konva.Line({ stroke: '#4f46e5', strokeWidth: 2, dash: [4, 4], listening: false, visible: false });
  private readonly start = new Konva.Circle({
    radius: 5,
    stroke: '#4f46e5',
    strokeWidth: 2,
    fill: '#ffffff',
    listening: false,
    visible: false,
  });

  constructor(
    private readonly layer: Konva.Layer,
    private readonly onActive: (active: boolean) => void,
  ) {
    layer.add(this.line, this.start);
  }

  get active(): boolean {
    return this.points.length > 0;
  }

  /** A click at `p`: the polygon's points when it closes on its first point, else null (a vertex added, or nothing). */
  click(p: Pixel): Pixel[] | null {
    const echo = this.closed && performance.now() - this.closed.time < CLOSE_ECHO_MS && near(p, this.closed.at, SAME_PX);
    if (echo) return null;
    const first = this.points[0];
    if (first && this.points.length >= 3 && near(p, first, CLOSE_PX)) return this.close(p);
    const last = this.points[this.points.length - 1];
    if (last && near(p, last, SAME_PX)) return null;
    this.points.push(p);
    if (this.points.length === 1) this.onActive(true);
    this.redraw();
    return null;
  }

  move(p: Pixel): void {
    if (!this.active) return;
    this.pointer = p;
    this.redraw();
  }

  /** The points, when there are three or more (the draft then ends); null leaves the draft as it is. */
  close(at?: Pixel): Pixel[] | null {
    if (this.points.length < 3) return null;
    const points = this.points;
    const last = points[points.length - 1]!;
    this.closed = { at: at ?? last, time: performance.now() };
    this.reset();
    return points;
  }

  /** Drops the draft; false when there was none (the key may then mean something else). */
  cancel(): boolean {
    if (!this.active) return false;
    this.reset();
    return true;
  }

  private reset(): void {
    this.points = [];
    this.pointer = null;
    this.redraw();
    this.onActive(false);
  }

  private redraw(): void {
    const path = this.pointer ? [...this.points, this.pointer] : this.points;
    this.line.points(path.flatMap((p) => [p.x, p.y]));
    this.line.visible(this.active);
    const first = this.points[0];
    this.start.setAttrs({ visible: Boolean(first), x: first?.x ?? 0, y: first?.y ?? 0 });
    this.line.moveToTop();
    this.start.moveToTop();
    this.layer.batchDraw();
  }
}
