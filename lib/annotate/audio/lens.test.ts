import { describe, expect, it } from 'vitest';
import { followTime, lensSpan, MAX_LENS_PX_PER_SEC, nearestSample, sampleRequest, zoomLens } from './lens';

const HOURS_3 = 10_800;

describe('lensSpan', () => {
  it('shows width / pxPerSec seconds about the centre', () => {
    const span = lensSpan({ center: 100, pxPerSec: 10_000 }, 600, HOURS_3);
    expect(span.start).toBeCloseTo(99.97, 9);
    expect(span.end).toBeCloseTo(100.03, 9);
  });

  it('slides back inside the file at either end', () => {
    expect(lensSpan({ center: 0.001, pxPerSec: 10_000 }, 600, HOURS_3)).toEqual({ start: 0, end: 0.06 });
    const last = lensSpan({ center: HOURS_3, pxPerSec: 10_000 }, 600, HOURS_3);
    expect(last.end).toBe(HOURS_3);
    expect(last.start).toBeCloseTo(HOURS_3 - 0.06, 9);
  });
});

describe('zoomLens', () => {
  const cap = 1_481; // a three-hour file's deepest waveform zoom on this screen

  it('keeps the anchor under the same pixel', () => {
    const lens = { center: 50, pxPerSec: 4_000 };
    const anchor = 50.05; // 200 px right of the centre
    const zoomed = zoomLens(lens, 2, anchor, cap)!;
    expect(zoomed.pxPerSec).toBe(8_000);
    expect((anchor - zoomed.center) * zoomed.pxPerSec).toBeCloseTo(200, 9);
  });

  it('stops at the deepest zoom', () => {
    expect(zoomLens({ center: 1, pxPerSec: MAX_LENS_PX_PER_SEC / 1.5 }, 2, 1, cap)!.pxPerSec).toBe(MAX_LENS_PX_PER_SEC);
  });

  it('closes when zoomed back out to the waveform', () => {
    expect(zoomLens({ center: 1, pxPerSec: 2 * cap }, 0.5, 1, cap)).toBeNull();
    expect(zoomLens({ center: 1, pxPerSec: 4 * cap }, 0.5, 1, cap)).toEqual({ center: 1, pxPerSec: 2 * cap });
  });

  it('reaches single samples of a three-hour 16 kHz file in a few ×2 steps from the waveform cap', () => {
    let lens = { center: 5_400, pxPerSec: cap };
    let steps = 0;
    // 6 px between samples: where the sample view gives each one a dot
    while (lens.pxPerSec / 16_000 < 6) {
      lens = zoomLens(lens, 2, 5_400, cap)!;
      steps++;
    }
    expect(steps).toBe(7);
  });
});

describe('followTime', () => {
  const lens = { center: 10, pxPerSec: 100_000 }; // 6 ms on 600 px

  it('stays while the time is in view and jumps to a time outside it', () => {
    expect(followTime(lens, 10.002, 600, HOURS_3)).toBe(lens);
    expect(followTime(lens, 11, 600, HOURS_3)).toEqual({ center: 11, pxPerSec: 100_000 });
  });
});

describe('nearestSample', () => {
  it('rounds a time to the sample grid', () => {
    expect(nearestSample(1.00003, 16_000)).toBe(1);
    expect(nearestSample(1.00004, 16_000)).toBe(1.0000625);
    expect(nearestSample(0.5, 44_100) * 44_100).toBeCloseTo(22_050, 9);
  });
});

describe('sampleRequest', () => {
  it('widens the window to whole milliseconds and draws it at the view scale', () => {
    expect(sampleRequest({ start: 1.2345, pxPerSec: 1_000, width: 600 })).toEqual({ start: 1.234, end: 1.835, width: 601 });
  });

  it('asks a lens narrower than a millisecond for the milliseconds around it', () => {
    const request = sampleRequest({ start: 42.0001, pxPerSec: MAX_LENS_PX_PER_SEC, width: 600 });
    expect(request).toEqual({ start: 42, end: 42.001, width: 2000 });
  });

  it('stays within the route’s widths', () => {
    expect(sampleRequest({ start: 42.0009, pxPerSec: MAX_LENS_PX_PER_SEC, width: 600 }).width).toBe(4000);
    expect(sampleRequest({ start: 1, pxPerSec: 3_000_000, width: 4000 }).width).toBe(4096);
    expect(sampleRequest({ start: 1, pxPerSec: 1, width: 1 }).width).toBe(16);
  });
});
