import { describe, expect, it } from 'vitest';
import {
  decodeFrameIndex,
  FRAME_CODE_CELLS,
  FRAME_CODE_DATA_CELL,
  FRAME_CODE_MAX_INDEX,
  FRAME_CODE_PARITY_CELL,
  frameCodeCellRect,
  frameCodeCells,
  paintFrameCode,
  readFrameCode,
} from './frame-code';

function frame(width: number, height: number, grey = 64): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4).fill(grey);
  for (let o = 3; o < rgba.length; o += 4) rgba[o] = 255;
  return rgba;
}

function coded(index: number, width = 640, height = 360): Uint8ClampedArray {
  const rgba = frame(width, height);
  paintFrameCode(rgba, width, height, index);
  return rgba;
}

// Repaints one cell's whole rectangle, as a decoder misreading that cell would see it.
function paintCell(rgba: Uint8ClampedArray, width: number, height: number, cell: number, value: number) {
  const r = frameCodeCellRect(width, height, cell);
  for (let y = Math.round(r.y); y < Math.round(r.y + r.height); y++) {
    for (let x = Math.round(r.x); x < Math.round(r.x + r.width); x++) rgba.fill(value, (y * width + x) * 4, (y * width + x) * 4 + 3);
  }
}

describe('frameCodeCells', () => {
  it('is the start guard, 20 bits most significant first, even parity, the end guard', () => {
    const cells = frameCodeCells(135); // 0b1000_0111: four ones, so parity 0
    expect(cells).toHaveLength(FRAME_CODE_CELLS);
    expect(cells.join('')).toBe('10' + '00000000000010000111' + '0' + '11');
    expect(frameCodeCells(1).join('')).toBe('10' + '00000000000000000001' + '1' + '11');
  });

  it('refuses what 20 bits cannot hold', () => {
    expect(() => frameCodeCells(-1)).toThrow(RangeError);
    expect(() => frameCodeCells(FRAME_CODE_MAX_INDEX + 1)).toThrow(RangeError);
    expect(() => frameCodeCells(1.5)).toThrow(RangeError);
  });

  it('lays out 24 px cells at 640×360 (whole pixels, as the generator draws them)', () => {
    expect(frameCodeCellRect(640, 360, 0)).toEqual({ x: 20, y: 36, width: 24, height: 72 });
    expect(frameCodeCellRect(640, 360, FRAME_CODE_CELLS - 1).x + 24).toBe(620);
  });
});

describe('decodeFrameIndex', () => {
  it('reads back every kind of index at the proxy size', () => {
    const indexes = [0, 1, 2, 29, 30, 179, 1023, 17_999, 65_535, 524_288, FRAME_CODE_MAX_INDEX];
    for (const index of indexes) expect(decodeFrameIndex(coded(index), 640, 360)).toBe(index);
  });

  it('reads any display size, also ones that do not divide into whole cells', () => {
    for (const [w, h] of [
      [320, 180],
      [1280, 720],
      [853, 480],
      [160, 90],
      [300, 533],
    ] as const) {
      expect(decodeFrameIndex(coded(12_345, w, h), w, h)).toBe(12_345);
    }
  });

  it('takes a Node Buffer (raw ffmpeg output) as well as a canvas array', () => {
    const rgba = coded(77);
    expect(decodeFrameIndex(Buffer.from(rgba.buffer), 640, 360)).toBe(77);
  });

  it('survives compression-like noise of ±40 on every pixel', () => {
    const rgba = coded(4321);
    let seed = 7;
    for (let o = 0; o < rgba.length; o++) {
      if (o % 4 === 3) continue;
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      rgba[o] = (rgba[o] ?? 0) + ((seed % 81) - 40);
    }
    expect(decodeFrameIndex(rgba, 640, 360)).toBe(4321);
  });

  it('is null, not a wrong number, for frames without a code', () => {
    expect(readFrameCode(frame(640, 360, 128), 640, 360)).toMatchObject({ index: null, problem: 'ambiguous' });
    expect(readFrameCode(frame(640, 360, 0), 640, 360)).toMatchObject({ index: null, problem: 'guard' });
    expect(readFrameCode(frame(640, 360, 255), 640, 360)).toMatchObject({ index: null, problem: 'guard' });
  });

  it('is null when the code is mirrored, inverted or shifted by a cell (the guards differ at each end)', () => {
    const rgba = coded(5);
    const mirrored = new Uint8ClampedArray(rgba.length);
    for (let y = 0; y < 360; y++) {
      for (let x = 0; x < 640; x++) mirrored.set(rgba.subarray((y * 640 + x) * 4, (y * 640 + x) * 4 + 4), (y * 640 + 639 - x) * 4);
    }
    expect(decodeFrameIndex(mirrored, 640, 360)).toBeNull();
    expect(decodeFrameIndex(rgba.map((v, o) => (o % 4 === 3 ? v : 255 - v)), 640, 360)).toBeNull();
    // Cropped by one cell on the left and stretched back: every cell reads its right neighbour.
    const shifted = frame(640, 360);
    frameCodeCells(5).forEach((v, cell) => cell > 0 && paintCell(shifted, 640, 360, cell - 1, v * 255));
    expect(decodeFrameIndex(shifted, 640, 360)).toBeNull();
  });

  it('catches one misread data or parity cell, and a cell stuck at mid grey', () => {
    for (const cell of [FRAME_CODE_DATA_CELL, FRAME_CODE_DATA_CELL + 10, FRAME_CODE_PARITY_CELL]) {
      const rgba = coded(300);
      const flipped = frameCodeCells(300)[cell] ? 0 : 255;
      paintCell(rgba, 640, 360, cell, flipped);
      expect(readFrameCode(rgba, 640, 360)).toMatchObject({ index: null, problem: 'parity' });
    }
    const grey = coded(300);
    paintCell(grey, 640, 360, FRAME_CODE_DATA_CELL + 3, 120);
    expect(readFrameCode(grey, 640, 360)).toMatchObject({ index: null, problem: 'ambiguous' });
  });

  it('reports each cell luma so that a failing frame can be explained', () => {
    const { lumas } = readFrameCode(coded(0), 640, 360);
    expect(lumas.map((l) => Math.round(l))).toEqual(frameCodeCells(0).map((c) => c * 255));
  });

  it('refuses a buffer smaller than the size it claims', () => {
    expect(() => decodeFrameIndex(new Uint8ClampedArray(10), 640, 360)).toThrow(RangeError);
    expect(() => decodeFrameIndex(new Uint8ClampedArray(16), 0, 4)).toThrow(RangeError);
  });
});
