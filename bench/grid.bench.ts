import sharp from 'sharp';
import { createProject } from '../prisma/factories/create-project';
import { createUser } from '../prisma/factories/create-user';
import { createStubAssets } from '../prisma/factories/create-workflow';
import { db } from '../server/db';
import { rows, sql } from '../server/sql';
import { blobStore } from '../server/storage/blob-store';
import { registerBlobs } from '../server/storage/register-blob';
import { startBrowserApp } from './browser-app';
import { round, summarize } from './percentiles';

// The asset grid at 100,000 assets in a real browser (the production build, Debian Chromium): time
// to the first thumbnails, then a steady fast scroll (BENCH_SCROLL_PX_PER_S for BENCH_SECONDS) through
// the pages the grid loads as it goes, timing every animation frame. Smooth = frames near 16.7 ms
// with few over 50 ms, and a DOM that stays the same size however far one scrolls.
const ASSETS = 100_000;
const PORT = 3300;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PX_PER_S = Number(process.env.BENCH_SCROLL_PX_PER_S ?? 4000);

const owner = await createUser(db());
const project = await createProject(db(), { ownerId: owner.id, slug: 'bench-grid' });
const assetIds = await createStubAssets(db(), { projectId: project.id, count: ASSETS });
// Every stub shows the same real webp thumbnail, so the browser decodes images as it would.
const thumbnail = await blobStore().put(
  await sharp({ create: { width: 256, height: 192, channels: 3, background: '#7c8a9e' } })
    .webp()
    .toBuffer(),
);
await registerBlobs(db(), [{ ...thumbnail, mime: 'image/webp' }]);
await rows(sql`
  INSERT INTO "AssetDerivative" (id, "assetId", kind, variant, "blobSha256", mime, tool, "toolVersion", "createdAt")
  SELECT md5(id), id, 'THUMBNAIL', '256', ${thumbnail.sha256}, 'image/webp', 'bench', '0', now()
  FROM unnest(${assetIds}::text[]) AS id`);
await rows(sql`ANALYZE`);

const app = await startBrowserApp(PORT);
try {
  const page = await app.signedInPage(owner.email);

  const opened = performance.now();
  await page.goto('/projects/bench-grid/assets');
  await page.locator('[data-testid="asset-grid"] img').first().waitFor({ timeout: 60_000 });
  const firstThumbnailsMs = performance.now() - opened;

  const run = await page.evaluate(scrollAndTimeFrames, { seconds: SECONDS, pxPerS: PX_PER_S });
  const frames = summarize(run.frameMs);
  console.log(
    JSON.stringify({
      bench: 'grid',
      assets: ASSETS,
      first_thumbnails_ms: round(firstThumbnailsMs),
      scroll_px_per_s: PX_PER_S,
      seconds: SECONDS,
      rows_scrolled: run.rowsScrolled,
      rows_loaded: run.rowsLoaded,
      frames: run.frameMs.length,
      frame_p50_ms: frames.p50,
      frame_p95_ms: frames.p95,
      frames_over_50ms: run.frameMs.filter((ms) => ms > 50).length,
      max_cards_in_dom: run.maxCardsInDom,
    }),
  );
} finally {
  await app.close();
  await db().$disconnect();
}

// Runs in the page: scrolls the grid at a constant speed, one step per animation frame, and records
// each frame's duration, how many cards the DOM holds and how far the loaded list reached.
function scrollAndTimeFrames({ seconds, pxPerS }: { seconds: number; pxPerS: number }) {
  const grid = document.querySelector<HTMLElement>('[data-testid="asset-grid"]')!;
  const cards = () => grid.querySelectorAll('img').length;
  const frameMs: number[] = [];
  let maxCardsInDom = 0;
  return new Promise<{ frameMs: number[]; maxCardsInDom: number; rowsScrolled: number; rowsLoaded: number }>((resolve) => {
    const start = performance.now();
    let last = start;
    const step = (now: number) => {
      frameMs.push(now - last);
      last = now;
      grid.scrollTop = ((now - start) / 1000) * pxPerS;
      maxCardsInDom = Math.max(maxCardsInDom, cards());
      if (now - start < seconds * 1000) return void requestAnimationFrame(step);
      // One row of cards is 248 px (components/assets/asset-grid.tsx).
      resolve({
        frameMs: frameMs.slice(1),
        maxCardsInDom,
        rowsScrolled: Math.round(grid.scrollTop / 248),
        rowsLoaded: Math.round(grid.scrollHeight / 248),
      });
    };
    requestAnimationFrame(step);
  });
}
