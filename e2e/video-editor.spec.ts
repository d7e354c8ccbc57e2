import { expect, test, type Page } from '@playwright/test';
import { decodeFrameIndex } from '../lib/annotate/video/frame-code';
import { editorPage, PIPELINE_MS, serverRegions, shoot, USERS } from './support';
import { CLIPS_SHELL, goToFrame, openNextClip, playerReady } from './video-clips';

// The video editor on the seeded clips project (prisma/seed-clips.ts), whose frame-index clips show
// their own frame number as blocks of pixels (lib/annotate/video/frame-code.ts): stepping, jumping
// and seeking, the number the editor shows must be the frame the browser painted, read back from
// the <video> through a canvas; on the constant and on the variable frame rate clip. Then a track
// with three keyframes, interpolated between them, a polygon track likewise, an event marked with E
// and one dragged out on its lane, reload, and the submit.
test.describe.configure({ mode: 'serial' });

let page: Page;
const shownFrame = (p: Page) => p.getByTestId('video-frame');

/** The frame index painted in the <video> right now, or null when the code cannot be read. */
const paintedFrame = (p: Page) =>
  p.getByTestId('video-media').evaluate((v: HTMLVideoElement) => {
    const c = document.createElement('canvas');
    // Small, as the editor may show it: the code survives the scaling, and the pixels cross quickly.
    [c.width, c.height] = [160, 90];
    const g = c.getContext('2d', { willReadFrequently: true })!;
    g.drawImage(v, 0, 0, c.width, c.height);
    return { w: c.width, h: c.height, rgba: Array.from(g.getImageData(0, 0, c.width, c.height).data) };
  });

async function expectExactFrame(p: Page, frame: number) {
  await expect(shownFrame(p)).toHaveText(String(frame));
  const { w, h, rgba } = await paintedFrame(p);
  expect(decodeFrameIndex(new Uint8ClampedArray(rgba), w, h), `painted frame when the editor says ${frame}`).toBe(frame);
}

/** The queue gives the three clips in the order the workers finished them: each one's kind is walked when it comes. */
const walked = new Set<string>();
async function walkIfFrameIndexed(p: Page, file: string) {
  const kind = /frame-index-v\d+-(cfr|vfr)-/.exec(file)?.[1];
  if (!kind) return;
  if (kind === 'vfr') await expect(p.getByText('VFR', { exact: true })).toBeVisible();
  await walkFrames(p);
  walked.add(kind);
}

/** The frame shown once the pause has settled: the player paused, no seek in flight, the number unchanged for a moment. */
async function settledFrame(p: Page): Promise<number> {
  const read = async () => {
    const idle = await p.getByTestId('video-media').evaluate((v: HTMLVideoElement) => v.paused && !v.seeking);
    return idle ? Number(await shownFrame(p).textContent()) : null;
  };
  let last: number | null = null;
  await expect
    .poll(async () => {
      const [before, after] = [await read(), (await p.waitForTimeout(150), await read())];
      last = before !== null && before === after ? after : null;
      return last;
    })
    .not.toBeNull();
  return last!;
}

async function walkFrames(p: Page) {
  const steps: [string, number][] = [
    ['ArrowRight', 1],
    ['ArrowRight', 2],
    ['Shift+ArrowRight', 12],
    ['ArrowLeft', 11],
    ['Shift+ArrowRight', 21],
    ['Shift+ArrowLeft', 11],
    ['End', 179],
    ['ArrowLeft', 178],
    ['Home', 0],
  ];
  for (const [key, frame] of steps) {
    await p.keyboard.press(key);
    await expectExactFrame(p, frame);
  }
  for (const frame of [97, 3, 150, 149, 60]) {
    await p.getByLabel('Go to frame').fill(String(frame));
    await p.getByLabel('Go to frame').press('Enter');
    await expectExactFrame(p, frame);
    await p.keyboard.press('ArrowRight');
    await expectExactFrame(p, frame + 1);
  }
  // Playing, then paused wherever it stopped: the number still matches the picture.
  await p.keyboard.press('Space');
  await p.waitForTimeout(400);
  await p.keyboard.press('Space');
  await expect(
    p.getByRole('toolbar', { name: 'Video controls' }).getByRole('button', { name: 'Play', exact: true }),
  ).toBeVisible();
  const stopped = await settledFrame(p);
  expect(stopped).toBeGreaterThan(61);
  await expectExactFrame(p, stopped);
}

test.beforeAll(async ({ browser }) => {
  // The workers make the seeded clips READY (proxy, frame map) and the workflow queues them.
  // That takes minutes on a busy two-core box: the hook waits as long as the pipeline may take.
  test.setTimeout(PIPELINE_MS + 30_000);
  page = await editorPage(browser, USERS.annotator, 'clips', 3);
});

test.afterAll(async () => {
  await page.context().close();
});

test('the first clip: the frame number shown is the frame painted, stepping, jumping and seeking', async () => {
  test.setTimeout(120_000);
  await walkIfFrameIndexed(page, await openNextClip(page));
});

test('a track with three keyframes is interpolated between them, a polygon track too; an event; reload keeps all', async () => {
  test.setTimeout(180_000);
  const overlay = page.getByTestId('video-overlay');
  const drawAt = async (from: [number, number], to: [number, number]) => {
    const box = (await overlay.boundingBox())!;
    await page.mouse.move(box.x + from[0] * box.width, box.y + from[1] * box.height);
    await page.mouse.down();
    await page.mouse.move(box.x + to[0] * box.width, box.y + to[1] * box.height, { steps: 6 });
    await page.mouse.up();
  };
  const boxes = async () => (await overlay.getAttribute('data-boxes')) ?? '';
  const goTo = (frame: number) => goToFrame(page, frame);

  await goTo(10);
  await page.keyboard.press('1');
  await drawAt([0.1, 0.5], [0.2, 0.7]);
  await expect.poll(boxes).toMatch(/ 0\.1\d+,0\.5\d+,0\.1\d+,0\.2\d+ key$/);
  // Moving the box on frame 40 and on frame 70 makes those frames keyframes.
  const moveBy = async (dx: number) => {
    const box = (await overlay.boundingBox())!;
    const [bx, by, bw, bh] = (await boxes()).split(' ')[1]!.split(',').map(Number) as [number, number, number, number];
    const [x, y] = [box.x + (bx + bw / 2) * box.width, box.y + (by + bh / 2) * box.height];
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + dx * box.width, y, { steps: 6 });
    await page.mouse.up();
  };
  await goTo(40);
  await moveBy(0.3);
  await goTo(70);
  await moveBy(0.2);
  const keyframes = async () => {
    const regions = (await serverRegions(page, 'clips')) as { keyframes?: { frame: number; x: number }[] }[];
    return regions.map((r) => r.keyframes?.map((k) => k.frame));
  };
  await expect.poll(keyframes, { timeout: 10_000 }).toEqual([[10, 40, 70]]);
  const [track] = (await serverRegions(page, 'clips')) as { keyframes: { frame: number; x: number }[] }[];
  const [k10, k40, k70] = track!.keyframes.map((k) => k.x);
  // Frames between keyframes show the box where linear interpolation puts it.
  for (const [frame, x] of [
    [25, (k10! + k40!) / 2],
    [55, (k40! + k70!) / 2],
    [64, k40! + ((k70! - k40!) * 24) / 30],
  ] as const) {
    await goTo(frame);
    const shown = Number((await boxes()).split(' ')[1]!.split(',')[0]);
    expect(shown).toBeCloseTo(x, 3);
    expect(await boxes()).not.toContain(' key');
  }

  await drawPolygonTrack();

  // An event from frame 80 to frame 95: pick the event class, E on the first and the last frame.
  await page.keyboard.press('Escape');
  await page.keyboard.press('3');
  await goTo(80);
  await page.keyboard.press('e');
  await goTo(95);
  await page.keyboard.press('e');
  await dragEvent(120, 100);
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await shoot(page, 'video-editor-track');

  await page.reload();
  await playerReady(page);
  const regions = (await serverRegions(page, 'clips')) as { type: string; start?: number; end?: number }[];
  expect(regions.map((r) => r.type).sort()).toEqual(['event', 'event', 'video_track', 'video_track']);
  expect(regions.filter((r) => r.type === 'event').map((r) => [r.start, r.end])).toEqual([
    [80, 95],
    [100, 120],
  ]);
  await goTo(25);
  expect(await boxes()).toContain(',');
  await expectInterpolatedPolygons();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/work'));
});

/**
 * A drag on the chosen event class's lane (the timeline's third row: two tracks above it) from the
 * middle of frame `from` to the middle of frame `to` makes an event over those frames, in either order.
 */
async function dragEvent(from: number, to: number) {
  const timeline = page.getByTestId('video-timeline');
  const first = Number(await timeline.getAttribute('data-first'));
  const pxPerFrame = Number(await timeline.getAttribute('data-px-per-frame'));
  const canvas = (await timeline.locator('canvas').boundingBox())!;
  // The label column (168 px), the ruler (22 px) and two 20 px track rows come first.
  const x = (frame: number) => canvas.x + 168 + (frame - first + 0.5) * pxPerFrame;
  const y = canvas.y + 22 + 2 * 20 + 10;
  await page.mouse.move(x(from), y);
  await page.mouse.down();
  await page.mouse.move(x(to), y, { steps: 8 });
  await page.mouse.up();
  const events = async () => {
    const regions = (await serverRegions(page, 'clips')) as { type: string; start?: number; end?: number }[];
    return regions.filter((r) => r.type === 'event').map((r) => [r.start, r.end]);
  };
  await expect.poll(events).toContainEqual([Math.min(from, to), Math.max(from, to)]);
}

interface PolygonKeyframe {
  frame: number;
  points: [number, number][];
}
const polygonKeyframes = async (): Promise<PolygonKeyframe[]> => {
  const regions = (await serverRegions(page, 'clips')) as { keyframes?: PolygonKeyframe[] }[];
  return regions.find((r) => r.keyframes?.[0]?.points)?.keyframes ?? [];
};
/** The points of the polygon the overlay draws (`points x:y x:y …` in its data-boxes), or null. */
const shownPolygon = async (): Promise<[number, number][] | null> => {
  const text = (await page.getByTestId('video-overlay').getAttribute('data-boxes')) ?? '';
  const points = /points ([\d.: ]+)/.exec(text)?.[1];
  return points ? points.split(' ').map((p) => p.split(':').map(Number) as [number, number]) : null;
};

/**
 * A polygon track of the Shadow class (P picks the polygon tool): a triangle clicked on frame 10 and
 * closed with Enter, the whole polygon dragged on frame 40, one vertex dragged on frame 70: three
 * keyframes with three vertices each.
 */
async function drawPolygonTrack() {
  const goTo = (frame: number) => goToFrame(page, frame);
  const overlay = page.getByTestId('video-overlay');
  const at = async ([x, y]: [number, number]) => {
    const box = (await overlay.boundingBox())!;
    return [box.x + x * box.width, box.y + y * box.height] as const;
  };
  const drag = async (from: [number, number], to: [number, number]) => {
    await page.mouse.move(...(await at(from)));
    await page.mouse.down();
    await page.mouse.move(...(await at(to)), { steps: 6 });
    await page.mouse.up();
  };
  await page.keyboard.press('Escape');
  await page.keyboard.press('4');
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Polygon' })).toHaveAttribute('aria-pressed', 'true');
  await goTo(10);
  for (const p of [
    [0.5, 0.2],
    [0.7, 0.2],
    [0.6, 0.4],
  ] as [number, number][])
    await page.mouse.click(...(await at(p)));
  await expect(page.getByText('Polygon: click its points')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(shownPolygon).toHaveLength(3);
  await goTo(40);
  await drag([0.6, 0.27], [0.7, 0.47]);
  await goTo(70);
  const [, second] = (await shownPolygon())!;
  await drag(second!, [0.9, 0.3]);
  await expect
    .poll(async () => (await polygonKeyframes()).map((k) => [k.frame, k.points.length]))
    .toEqual([
      [10, 3],
      [40, 3],
      [70, 3],
    ]);
  await shoot(page, 'video-editor-polygon');
}

/** Frames between the polygon's keyframes show each vertex where linear interpolation puts it. */
async function expectInterpolatedPolygons() {
  const [k10, k40, k70] = await polygonKeyframes();
  expect(k40!.points[0]![0] - k10!.points[0]![0]).toBeCloseTo(0.1, 2);
  expect(k70!.points[1]).toEqual([expect.closeTo(0.9, 2), expect.closeTo(0.3, 2)]);
  const lerp = (a: PolygonKeyframe, b: PolygonKeyframe, frame: number) =>
    a.points.map(([x, y], i) => {
      const t = (frame - a.frame) / (b.frame - a.frame);
      return [x + (b.points[i]![0] - x) * t, y + (b.points[i]![1] - y) * t];
    });
  for (const [frame, from, to] of [
    [25, k10!, k40!],
    [55, k40!, k70!],
  ] as const) {
    await goToFrame(page, frame);
    const shown = (await shownPolygon())!;
    lerp(from, to, frame).forEach(([x, y], i) => {
      expect(shown[i]![0]).toBeCloseTo(x!, 3);
      expect(shown[i]![1]).toBeCloseTo(y!, 3);
    });
  }
}

test('the next clips: frame-exact too, on the constant and the variable frame rate clip', async () => {
  test.setTimeout(180_000);
  await walkIfFrameIndexed(page, await openNextClip(page));
  const skipped = page.url();
  await page.getByRole('button', { name: 'Skip…' }).click();
  await page.getByLabel('Reason').fill('Walked only, for the frame check');
  await page.getByRole('button', { name: 'Skip item' }).click();
  await page.waitForURL((url) => url.href !== skipped && CLIPS_SHELL.test(url.pathname));
  await playerReady(page);
  await walkIfFrameIndexed(page, (await page.getByTestId('asset-filename').textContent()) ?? '');
  await shoot(page, 'video-editor-walked');
  expect([...walked].sort()).toEqual(['cfr', 'vfr']);
});
