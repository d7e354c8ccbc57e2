// The unselected regions rendered into an offscreen canvas that covers the whole image at one zoom,
// so that a pan or a zoom costs one drawImage instead of tracing thousands of shapes every frame:
// 10,000 boxes took ~40 ms a frame to trace on a 2-core machine without a GPU.
// - A pan (same scene, same zoom) draws the bitmap pixel for pixel. It is made on the second frame
//   with the same scene and zoom: an edit alone draws directly, tracing only the regions in view,
//   which when zoomed in are far fewer than the whole image's.
// - A wheel or pinch zoom draws the bitmap scaled (slightly soft while the zoom moves) and makes it
//   again at the new zoom once the zoom has rested for REST_MS.
// - A bitmap of more than MAX_PIXELS (a deep zoom) is not made: few regions are in view then.

const MAX_PIXELS = 12_000_000;
const REST_MS = 150;

export class RegionBitmap {
  private canvas: HTMLCanvasElement | null = null;
  private scene: object | null = null;
  private pixelsPerUnit = 0;
  /** What the frame before drew. */
  private last: { scene: object; pixelsPerUnit: number } | null = null;
  private rest: ReturnType<typeof setTimeout> | undefined;

  /** `redraw` asks for a frame once a zoom has rested, to draw sharp again. */
  constructor(private readonly redraw: () => void) {}

  /**
   * Draws the bitmap of `scene` under the context's current transform (image pixels → device pixels:
   * scale and offset only), making it with `render` when needed. False when this frame has no bitmap
   * (nothing was drawn): the caller draws the regions in view itself.
   */
  draw(
    ctx: CanvasRenderingContext2D,
    scene: object,
    image: { width: number; height: number },
    render: (ctx: CanvasRenderingContext2D) => void,
  ): boolean {
    const { a: perUnit, e: offsetX, f: offsetY } = ctx.getTransform();
    const last = this.last;
    this.last = { scene, pixelsPerUnit: perUnit };
    const sameScene = last?.scene === scene;
    const zooming = sameScene && last.pixelsPerUnit !== perUnit;
    const fits = image.width * perUnit * image.height * perUnit <= MAX_PIXELS;
    const have = this.canvas !== null && this.scene === scene;

    if (have && this.pixelsPerUnit === perUnit) return this.blit(ctx, offsetX, offsetY, 1);
    if (zooming && have) {
      clearTimeout(this.rest);
      this.rest = setTimeout(this.redraw, REST_MS);
      return this.blit(ctx, offsetX, offsetY, perUnit / this.pixelsPerUnit);
    }
    // A zoom beginning, or the second frame of a pan: worth a bitmap when it is not too large.
    if (sameScene && fits) {
      this.make(scene, image, perUnit, render);
      return this.blit(ctx, offsetX, offsetY, 1);
    }
    if (!fits) this.release();
    return false;
  }

  private make(
    scene: object,
    image: { width: number; height: number },
    perUnit: number,
    render: (ctx: CanvasRenderingContext2D) => void,
  ) {
    const width = Math.ceil(image.width * perUnit);
    const height = Math.ceil(image.height * perUnit);
    this.canvas ??= document.createElement('canvas');
    // Resizing clears the canvas; one of the same size is cleared by hand.
    if (this.canvas.width !== width || this.canvas.height !== height) Object.assign(this.canvas, { width, height });
    const bitmap = this.canvas.getContext('2d')!;
    bitmap.setTransform(1, 0, 0, 1, 0, 0);
    bitmap.clearRect(0, 0, width, height);
    bitmap.setTransform(perUnit, 0, 0, perUnit, 0, 0);
    render(bitmap);
    this.scene = scene;
    this.pixelsPerUnit = perUnit;
  }

  private blit(ctx: CanvasRenderingContext2D, x: number, y: number, scale: number): true {
    const canvas = this.canvas!;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    // At scale 1, whole device pixels: the bitmap lands pixel for pixel, as sharp as shapes drawn directly.
    if (scale === 1) ctx.drawImage(canvas, Math.round(x), Math.round(y));
    else ctx.drawImage(canvas, x, y, canvas.width * scale, canvas.height * scale);
    ctx.restore();
    return true;
  }

  /** Frees the bitmap's memory (a zoom past the limit, or the editor closing). */
  release() {
    clearTimeout(this.rest);
    if (this.canvas) Object.assign(this.canvas, { width: 0, height: 0 });
    this.canvas = null;
    this.scene = null;
  }
}
