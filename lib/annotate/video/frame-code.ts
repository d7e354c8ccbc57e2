/**
 * A frame index drawn into a video's pixels, so that tests can prove which frame is on screen (issue 8:
 * "the displayed frame number must equal the encoded one every time").
 *
 * One row of 25 equal cells, each black (0) or white (1):
 *
 *   [W B] [d19 … d0] [P] [W W]
 *
 * - the start guard (white, black) and the end guard (white, white) say "this is a frame code"; they
 *   differ so that a mirrored, inverted or shifted row fails them instead of reading as another number;
 * - d19 … d0 are the index's 20 bits, most significant first (0 … 1,048,575: 9.7 hours at 30 fps);
 * - P makes the count of white cells among data + parity even, so a single misread cell is caught.
 *
 * The row is placed in fractions of the frame, so the same decoder reads a 640×360 proxy, a 320×180
 * canvas or a full-screen player. At 640×360 each cell is 24×72 px: big enough that H.264 (CRF 23)
 * keeps its centre flat and bilinear downscaling leaves the centre alone down to about 1/4 size.
 */

export const FRAME_CODE_DATA_BITS = 20;
export const FRAME_CODE_MAX_INDEX = 2 ** FRAME_CODE_DATA_BITS - 1;
export const FRAME_CODE_START_GUARD = [1, 0] as const;
export const FRAME_CODE_END_GUARD = [1, 1] as const;
/** Cell of the most significant data bit; data bit k (0 = least significant) is cell DATA_CELL + 19 - k. */
export const FRAME_CODE_DATA_CELL = FRAME_CODE_START_GUARD.length;
export const FRAME_CODE_PARITY_CELL = FRAME_CODE_DATA_CELL + FRAME_CODE_DATA_BITS;
export const FRAME_CODE_CELLS = FRAME_CODE_PARITY_CELL + 1 + FRAME_CODE_END_GUARD.length;

/**
 * The code's rectangle as fractions of the frame's width and height. Chosen so that 640×360 gives whole
 * pixels (x 20…620, y 36…108, cells of 24 px); the generator rounds for other sizes.
 */
export const FRAME_CODE_BOX = { left: 1 / 32, top: 0.1, width: 15 / 16, height: 0.2 } as const;

/** Mean luma (0…255) must be this far from mid grey to count: a grey, faded or blended cell is "unknown". */
export const FRAME_CODE_MARGIN = 48;
const MID_GREY = 128;
// Sampled: the middle half of each cell in both directions, where compression and scaling blur least.
const SAMPLE_SPAN = 0.5;
const SAMPLES_PER_SIDE = 5;

export type FrameCodeProblem = 'ambiguous' | 'guard' | 'parity';

export interface FrameCodeReading {
  index: number | null;
  /** Why `index` is null; null when it is not. */
  problem: FrameCodeProblem | null;
  /** Mean luma of each cell's centre, for a failing test to print. */
  lumas: number[];
}

/** The 25 cells (1 = white) that encode `index`. */
export function frameCodeCells(index: number): (0 | 1)[] {
  if (!Number.isInteger(index) || index < 0 || index > FRAME_CODE_MAX_INDEX) {
    throw new RangeError(`frame index ${index} is outside 0…${FRAME_CODE_MAX_INDEX}`);
  }
  const data = Array.from({ length: FRAME_CODE_DATA_BITS }, (_, i) => bit(index, FRAME_CODE_DATA_BITS - 1 - i));
  const parity = (data.reduce<number>((sum, b) => sum + b, 0) % 2) as 0 | 1;
  return [...FRAME_CODE_START_GUARD, ...data, parity, ...FRAME_CODE_END_GUARD];
}

/** The frame index shown in an RGBA image (a canvas's ImageData.data, a raw ffmpeg frame), or null. */
export function decodeFrameIndex(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): number | null {
  return readFrameCode(rgba, width, height).index;
}

/** `decodeFrameIndex` with the reason for a null and the luma of every cell. */
export function readFrameCode(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): FrameCodeReading {
  // A buffer that does not match its stated size is the caller's bug, not an unreadable frame.
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || rgba.length < width * height * 4) {
    throw new RangeError(`an RGBA buffer of ${rgba.length} bytes cannot hold ${width}×${height} pixels`);
  }
  const lumas = Array.from({ length: FRAME_CODE_CELLS }, (_, cell) => cellLuma(rgba, width, height, cell));
  const cells = lumas.map((l) => (l >= MID_GREY + FRAME_CODE_MARGIN ? 1 : l <= MID_GREY - FRAME_CODE_MARGIN ? 0 : null));
  const fail = (problem: FrameCodeProblem): FrameCodeReading => ({ index: null, problem, lumas });

  if (cells.some((c) => c === null)) return fail('ambiguous');
  const endGuardCell = FRAME_CODE_PARITY_CELL + 1;
  const guardsOk =
    FRAME_CODE_START_GUARD.every((v, i) => cells[i] === v) &&
    FRAME_CODE_END_GUARD.every((v, i) => cells[endGuardCell + i] === v);
  if (!guardsOk) return fail('guard');
  const data = cells.slice(FRAME_CODE_DATA_CELL, FRAME_CODE_PARITY_CELL) as (0 | 1)[];
  const whites = data.reduce<number>((sum, b) => sum + b, 0) + (cells[FRAME_CODE_PARITY_CELL] ?? 0);
  if (whites % 2 !== 0) return fail('parity');
  // Multiplication, not bit shifts: stays exact past 2^31 should the code ever grow.
  const index = data.reduce<number>((value, b) => value * 2 + b, 0);
  return { index, problem: null, lumas };
}

/** The pixel rectangle of one cell at a given frame size (fractional; callers round as they need). */
export function frameCodeCellRect(width: number, height: number, cell: number) {
  const cellWidth = (FRAME_CODE_BOX.width * width) / FRAME_CODE_CELLS;
  return {
    x: FRAME_CODE_BOX.left * width + cell * cellWidth,
    y: FRAME_CODE_BOX.top * height,
    width: cellWidth,
    height: FRAME_CODE_BOX.height * height,
  };
}

/**
 * Draws the code for `index` into an RGBA image, as the video generator does with ffmpeg: for unit
 * tests and for pages that need a coded image without a video.
 */
export function paintFrameCode(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, index: number): void {
  frameCodeCells(index).forEach((value, cell) => {
    const r = frameCodeCellRect(width, height, cell);
    const [x0, x1, y0, y1] = [Math.round(r.x), Math.round(r.x + r.width), Math.round(r.y), Math.round(r.y + r.height)];
    for (let y = Math.max(0, y0); y < Math.min(height, y1); y++) {
      for (let x = Math.max(0, x0); x < Math.min(width, x1); x++) {
        const o = (y * width + x) * 4;
        rgba.fill(value ? 255 : 0, o, o + 3);
        rgba[o + 3] = 255;
      }
    }
  });
}

// The mean luma of a grid of points over the middle of the cell: a few pixels, so one noisy pixel or a
// compression ringing spot cannot flip the cell, yet cheap enough to run on every displayed frame.
function cellLuma(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, cell: number): number {
  const r = frameCodeCellRect(width, height, cell);
  let sum = 0;
  for (let j = 0; j < SAMPLES_PER_SIDE; j++) {
    const y = clamp(Math.floor(r.y + r.height * along(j)), height);
    for (let i = 0; i < SAMPLES_PER_SIDE; i++) {
      const x = clamp(Math.floor(r.x + r.width * along(i)), width);
      const o = (y * width + x) * 4;
      // Rec. 601 weights (the code is grey; they matter only for a coloured frame).
      sum += 0.299 * (rgba[o] ?? 0) + 0.587 * (rgba[o + 1] ?? 0) + 0.114 * (rgba[o + 2] ?? 0);
    }
  }
  return sum / (SAMPLES_PER_SIDE * SAMPLES_PER_SIDE);
}

// Sample i of SAMPLES_PER_SIDE, evenly over the middle SAMPLE_SPAN of 0…1.
function along(i: number): number {
  return 0.5 - SAMPLE_SPAN / 2 + (SAMPLE_SPAN * (i + 0.5)) / SAMPLES_PER_SIDE;
}

function clamp(v: number, size: number): number {
  return Math.min(size - 1, Math.max(0, v));
}

function bit(value: number, k: number): 0 | 1 {
  return (Math.floor(value / 2 ** k) % 2) as 0 | 1;
}
