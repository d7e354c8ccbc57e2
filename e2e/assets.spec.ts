import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';
import { shoot, signIn, unique, USERS } from './support';

const run = promisify(execFile);
// Uploads go through the real pipeline (the e2e server runs the workers): give each file time to become READY.
const PIPELINE_MS = 90_000;

// Media made for this run (the seed's fixtures are already in `demo`, so they would be duplicates).
const tag = unique('e2e');
const names = {
  image: `${tag}-photo.png`,
  audio: `${tag}-tone.wav`,
  video: `${tag}-clip.mp4`,
  svg: `${tag}-drawing.svg`,
};
let dir = '';
const file = (name: string) => path.join(dir, name);

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'loupe-e2e-assets-'));
  const hue = Math.floor(Math.random() * 200);
  const overlay = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480">
    <rect x="80" y="60" width="300" height="200" fill="rgb(${hue},80,160)"/><circle cx="460" cy="320" r="100" fill="#f59e0b"/>
    <text x="40" y="440" font-size="36" font-family="sans-serif">${tag}</text></svg>`;
  await sharp({ create: { width: 640, height: 480, channels: 3, background: '#e0f2fe' } })
    .composite([{ input: Buffer.from(overlay) }])
    .png()
    .toFile(file(names.image));
  const ffmpeg = (args: string[]) => run('ffmpeg', ['-v', 'error', '-y', ...args]);
  await ffmpeg([
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${300 + hue}:sample_rate=22050:d=3`,
    '-ac',
    '1',
    '-c:a',
    'pcm_s16le',
    file(names.audio),
  ]);
  await ffmpeg([
    ...['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2'],
    ...[
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-pix_fmt',
      'yuv420p',
      '-movflags',
      '+faststart',
      '-metadata',
      `comment=${tag}`,
    ],
    file(names.video),
  ]);
  await writeFile(file(names.svg), `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>${tag}</title></svg>`);
});

test.afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The row of a file in the newest drop (drops are listed newest first). */
function row(page: Page, name: string): Locator {
  return page.getByTestId('upload-batch').first().locator(`[data-testid="upload-row"][data-name="${name}"]`);
}

async function drop(page: Page, files: string[]): Promise<void> {
  const before = await page.getByTestId('upload-batch').count();
  await page.getByTestId('file-input').setInputFiles(files);
  await expect(page.getByTestId('upload-batch')).toHaveCount(before + 1);
}

test('a data lead uploads image, audio and video and watches them become READY; a copy is a duplicate, an SVG is quarantined', async ({
  page,
}) => {
  test.setTimeout(5 * 60_000);
  await signIn(page, USERS.lead);
  await page.goto('/projects/demo/import');
  await expect(page.getByTestId('drop-zone')).toBeVisible();

  await drop(page, [file(names.image), file(names.audio), file(names.video)]);
  await expect(page.getByTestId('upload-overall')).toContainText('of 3 files uploaded');
  for (const name of [names.image, names.audio, names.video]) {
    await expect(row(page, name).getByTestId('stage')).toHaveText('Ready', { timeout: PIPELINE_MS });
  }
  await expect(page.getByTestId('upload-overall')).toContainText('3 of 3 files uploaded');
  await shoot(page, 'import-ready');

  // The same bytes again: no second asset, a link to the first one instead.
  await drop(page, [file(names.image)]);
  const duplicate = row(page, names.image);
  await expect(duplicate).toContainText('Duplicate', { timeout: PIPELINE_MS });
  await expect(duplicate.getByRole('link', { name: names.image })).toBeVisible();

  // An SVG could run script in a browser: it never becomes an asset anyone opens, and the row says why.
  await drop(page, [file(names.svg)]);
  const svg = row(page, names.svg);
  await expect(svg.getByTestId('stage')).toHaveText('Quarantined', { timeout: PIPELINE_MS });
  await expect(svg.getByTestId('reason')).toHaveText(/\w+: \S+/);
  await shoot(page, 'import-duplicate-quarantined');

  // The grid shows the new assets with their thumbnails.
  await page.goto('/projects/demo/assets');
  await page.getByLabel('Filename contains').fill(tag);
  await expect(page.getByTestId('asset-total')).toContainText('4 assets match');
  for (const name of [names.image, names.video]) {
    const thumbnail = page.getByTestId(`asset-card-${name}`).getByRole('img');
    await expect(thumbnail).toBeVisible();
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  }
  await expect(page.getByTestId(`asset-card-${names.audio}`).getByTestId('stage')).toHaveText('Ready');
  await expect(page.getByTestId(`asset-card-${names.svg}`).getByTestId('stage')).toHaveText('Quarantined');
  await shoot(page, 'assets-grid');

  // The image's page: its preview, what the pipeline made from it, and the jobs that did.
  await page.getByTestId(`asset-card-${names.image}`).getByRole('link', { name: names.image, exact: true }).click();
  await page.waitForURL('**/projects/demo/assets/**');
  await expect(page.getByRole('heading', { name: names.image })).toBeVisible();
  await expect
    .poll(() =>
      page
        .getByTestId('preview')
        .getByRole('img')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBeGreaterThan(0);
  const derivatives = page.getByRole('table', { name: 'Derivatives' });
  await expect(derivatives.getByRole('row').filter({ hasText: 'thumbnail' })).not.toHaveCount(0);
  await expect(derivatives).toContainText('image/webp');
  const runs = page.getByRole('table', { name: 'Stage runs' });
  await expect(runs.getByRole('row').filter({ hasText: /ok/i })).not.toHaveCount(0);
  await expect(page.getByLabel('Metadata', { exact: true })).toContainText('640 × 480');
  await expect(page.getByTestId('sha256')).toHaveText(/^sha256:[0-9a-f]{64}$/);
  await shoot(page, 'asset-detail');
});

test('an annotator is told why they cannot import', async ({ page }) => {
  await signIn(page, USERS.annotator);
  await page.goto('/projects/demo/import');
  await expect(page.getByTestId('cannot-import')).toContainText('only owners and data leads can');
  await expect(page.getByTestId('drop-zone')).toHaveCount(0);
  await expect(page.getByTestId('file-input')).toHaveCount(0);
  await shoot(page, 'import-forbidden');
});
