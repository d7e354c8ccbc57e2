import { describe, expect, it } from 'vitest';
import { actualSizeView, fitView, panBy, pinchView, toImage, toScreen, visibleBounds, wheelFactor, zoomAt } from './view';

describe('editor view', () => {
  const image = { width: 2000, height: 1000 };
  const viewport = { width: 1032, height: 800 };

  it('fits the image centred with a margin', () => {
    const view = fitView(image, viewport);
    expect(view.scale).toBeCloseTo(0.5);
    expect(toScreen(view, [0, 0])).toEqual([16, 150]);
    expect(toScreen(view, [1, 1])).toEqual([1016, 650]);
  });

  it('zooms about the cursor: the image point under it stays put', () => {
    const view = fitView(image, viewport);
    const before = toImage(view, [300, 400]);
    const zoomed = zoomAt(view, [300, 400], 3);
    expect(zoomed.scale).toBeCloseTo(1.5);
    const after = toImage(zoomed, [300, 400]);
    expect(after[0]).toBeCloseTo(before[0]);
    expect(after[1]).toBeCloseTo(before[1]);
    expect(zoomAt(view, [0, 0], 1e9).scale).toBe(64);
  });

  it('goes to one screen pixel per image pixel, and pans', () => {
    const actual = actualSizeView(fitView(image, viewport), viewport);
    expect(actual.scale).toBeCloseTo(1);
    expect(panBy(actual, 10, -5).x).toBeCloseTo(actual.x + 10);
  });

  it('knows which part of the image is in view', () => {
    const b = visibleBounds(zoomAt(fitView(image, viewport), [516, 400], 4), viewport);
    expect(b.x0).toBeGreaterThan(0.3);
    expect(b.x1).toBeLessThan(0.7);
  });

  it('turns a wheel notch into about 1.2× and scrolling down into zooming out', () => {
    expect(wheelFactor(-100, 0)).toBeCloseTo(1.197, 2);
    expect(wheelFactor(3, 1)).toBeLessThan(1);
  });

  it('pinches: spreading two fingers zooms about them, moving them pans', () => {
    const view = fitView(image, viewport);
    const under = toImage(view, [500, 400]);
    const spread = pinchView(
      view,
      [
        [450, 400],
        [550, 400],
      ],
      [
        [400, 400],
        [600, 400],
      ],
    );
    expect(spread.scale).toBeCloseTo(view.scale * 2);
    expect(toImage(spread, [500, 400])[0]).toBeCloseTo(under[0]);
    const moved = pinchView(
      view,
      [
        [450, 400],
        [550, 400],
      ],
      [
        [460, 410],
        [560, 410],
      ],
    );
    expect([moved.x - view.x, moved.y - view.y]).toEqual([10, 10]);
  });
});
