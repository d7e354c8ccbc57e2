// The sample lens. The waveform's zoom stops where its width would pass what a browser lays out
// (16 M px: ~1,480 px/s on a three-hour file, several samples a pixel), so past that point the
// sample strip under it takes a zoom of its own about a point in time, down to many pixels a sample:
// on a recording of any length a boundary can be put on an exact sample.

/** The lens's own zoom: `pxPerSec` about `center` seconds. */
export interface Lens {
  center: number;
  pxPerSec: number;
}

/** The deepest lens zoom: ~40 px a sample at 48 kHz, 125 at 16 kHz. */
export const MAX_LENS_PX_PER_SEC = 2_000_000;

/** The widest window a sample request may draw at once (the route's limit). */
const MAX_REQUEST_WIDTH = 4096;
const MIN_REQUEST_WIDTH = 16;

/** [start, end) seconds the lens shows on `width` pixels, slid back inside the file at its ends. */
export function lensSpan(lens: Lens, width: number, duration: number): { start: number; end: number } {
  const seconds = Math.min(width / lens.pxPerSec, duration);
  const start = Math.min(Math.max(lens.center - seconds / 2, 0), duration - seconds);
  return { start, end: start + seconds };
}

/**
 * The lens zoomed by `factor` with `anchor` (a time in view) kept under the same pixel, between the
 * waveform's own zoom and MAX_LENS_PX_PER_SEC; null once it is back at the waveform's zoom (closed).
 */
export function zoomLens(lens: Lens, factor: number, anchor: number, waveformPxPerSec: number): Lens | null {
  const pxPerSec = Math.min(lens.pxPerSec * factor, MAX_LENS_PX_PER_SEC);
  if (pxPerSec <= waveformPxPerSec * 1.001) return null;
  return { center: anchor - ((anchor - lens.center) * lens.pxPerSec) / pxPerSec, pxPerSec };
}

/** The lens moved to `t` when `t` is outside what it shows (a seek, a skip, playback), else as it is. */
export function followTime(lens: Lens, t: number, width: number, duration: number): Lens {
  const { start, end } = lensSpan(lens, width, duration);
  return t >= start && t <= end ? lens : { ...lens, center: t };
}

/** The time of the sample nearest to `t`: where an edge set in the lens lands. */
export function nearestSample(t: number, sampleRate: number): number {
  return Math.round(t * sampleRate) / sampleRate;
}

/**
 * What the sample strip asks the server for to draw [start, start + width / pxPerSec): the window
 * widened to whole milliseconds (the same view asks for the same, cacheable, thing; a lens showing
 * less than a millisecond still gets whole samples either side), drawn at the view's own scale.
 */
export function sampleRequest(view: { start: number; pxPerSec: number; width: number }): {
  start: number;
  end: number;
  width: number;
} {
  const start = Math.floor(view.start * 1000) / 1000;
  const end = Math.ceil((view.start + view.width / view.pxPerSec) * 1000) / 1000;
  const width = Math.round((end - start) * view.pxPerSec);
  return { start, end, width: Math.min(Math.max(width, MIN_REQUEST_WIDTH), MAX_REQUEST_WIDTH) };
}
