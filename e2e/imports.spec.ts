import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Locator, type Page, type Request, type Route } from '@playwright/test';
import sharp from 'sharp';
import { dropFiles, shoot, signIn, unique, USERS } from './support';

const run = promisify(execFile);
// The real pipeline runs behind the e2e server: give each file time to settle.
const PIPELINE_MS = 90_000;
// upload-queue.ts sends files in tus chunks of this size: a file past it goes up in several PATCHes.
const CHUNK = 8 * 1024 * 1024;
const IMPORT_PAGE = '/projects/demo/import';
const UPLOADS = '**/api/v1/projects/demo/uploads**';

const tag = unique('imp');
let dir = '';
const file = (...parts: string[]) => path.join(dir, ...parts);

let made = 0;
/** A small image whose pixels (and so hash) are its own: a colour per image, as fonts may be missing. */
async function png(target: string, label: string, format: 'png' | 'jpeg' = 'png'): Promise<void> {
  made += 1;
  const text = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240">
    <rect x="${10 * made}" y="20" width="60" height="60" fill="rgb(${(made * 37) % 256},90,${(made * 71) % 256})"/>
    <text x="20" y="160" font-size="28" font-family="sans-serif">${tag} ${label}</text></svg>`;
  await sharp({ create: { width: 320, height: 240, channels: 3, background: '#fef3c7' } })
    .composite([{ input: Buffer.from(text) }])
    .toFormat(format)
    .toFile(target);
}

/** A WAV of about `mb` megabytes (48 kHz stereo 16-bit is 192 kB/s), so it takes several chunks. */
async function wav(target: string, mb: number, frequency: number): Promise<void> {
  const seconds = Math.ceil((mb * 1024 * 1024) / 192_000);
  await run('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=${frequency}:sample_rate=48000:d=${seconds}`],
    ...['-ac', '2', '-c:a', 'pcm_s16le', '-metadata', `comment=${tag}`, target],
  ]);
}

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'loupe-e2e-imports-'));
  const trip = file(`${tag}-trip`);
  await mkdir(path.join(trip, 'day2'), { recursive: true });
  await png(path.join(trip, 'harbour.png'), 'harbour');
  await png(path.join(trip, 'market.png'), 'market');
  await png(path.join(trip, 'day2', 'cliffs.png'), 'cliffs');
  await png(path.join(trip, 'day2', 'beach.jpg'), 'beach', 'jpeg');
  // What Finder leaves behind: a folder import must not turn it into an asset.
  await writeFile(path.join(trip, '.DS_Store'), 'not an image');
  await png(file(`${tag}-dropped-1.png`), 'dropped one');
  await png(file(`${tag}-dropped-2.png`), 'dropped two');
  await png(file(`${tag}-busy.png`), 'busy');
  await wav(file(`${tag}-long-take.wav`), 20, 330);
  await wav(file(`${tag}-after-reload.wav`), 20, 550);
  // JPEGs cut off at 60%: the decoder finds them corrupt, however often they are retried. The
  // noise is random, so the two are different files (not duplicates).
  for (const name of [`${tag}-cut.jpg`, `${tag}-cut-2.jpg`]) {
    const noise = await sharp({
      create: { width: 800, height: 600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } },
    })
      .jpeg()
      .toBuffer();
    await writeFile(file(name), noise.subarray(0, Math.floor(noise.length * 0.6)));
  }
});

test.afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The row of a file in the newest upload batch (batches are listed newest first). */
function row(page: Page, name: string): Locator {
  return page.getByTestId('upload-batch').first().locator(`[data-testid="upload-row"][data-name="${name}"]`);
}

async function openImport(page: Page): Promise<void> {
  await signIn(page, USERS.lead);
  await page.goto(IMPORT_PAGE);
  await expect(page.getByTestId('drop-zone')).toBeVisible();
}

const isPatch = (request: Request) => request.method() === 'PATCH';
/** The whole percent a row shows once the first chunk of this file is on the server. */
const firstChunkPercent = async (f: string) => `${Math.floor((CHUNK / (await stat(f)).size) * 100)}%`;
const offsetOf = (request: Request) => Number(request.headers()['upload-offset'] ?? -1);

test('a folder with a sub-folder goes in as one batch: files listed by path, three at a time, each becomes READY', async ({
  page,
}) => {
  test.setTimeout(4 * 60_000);
  await openImport(page);
  await shoot(page, 'imports-empty');

  // Hold the uploads until the waiting line has been seen: three go at once, the fourth waits its turn.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(UPLOADS, async (route: Route) => {
    if (isPatch(route.request())) await released;
    await route.continue();
  });

  await page.getByTestId('folder-input').setInputFiles(file(`${tag}-trip`));
  const batch = page.getByTestId('upload-batch').first();
  await expect(batch.locator('header')).toContainText('Batch of 4 files');
  const folder = `${tag}-trip`;
  for (const p of ['harbour.png', 'market.png', 'day2/cliffs.png', 'day2/beach.jpg']) {
    await expect(batch.getByText(`${folder}/${p}`, { exact: true })).toBeVisible();
  }
  await expect(batch.getByText('.DS_Store')).toHaveCount(0);
  await expect(batch.getByRole('progressbar')).toHaveCount(4);
  await expect(batch.getByTestId('upload-row').filter({ hasText: '0%' })).toHaveCount(3);
  await expect(batch.getByTestId('upload-row').filter({ hasText: 'queued' })).toHaveCount(1);
  await expect(page.getByTestId('upload-overall')).toContainText('0 of 4 files uploaded');
  await shoot(page, 'imports-folder-uploading');

  release();
  for (const name of ['harbour.png', 'market.png', 'cliffs.png', 'beach.jpg']) {
    await expect(row(page, name).getByTestId('stage')).toHaveText('Ready', { timeout: PIPELINE_MS });
  }
  await expect(page.getByTestId('upload-overall')).toContainText('4 of 4 files uploaded');
  await expect(page.getByRole('progressbar', { name: 'All uploads' })).toHaveAttribute('aria-valuenow', '100');
  await expect(batch.getByTestId('batch-stages')).toHaveText('4 ready · 0 processing · 0 quarantined');
  // The batch is named after the folder in the recent imports.
  const recent = page.getByTestId('import-batch').filter({ hasText: `${folder}/ · 4 files` });
  await expect(recent).toContainText('4 new · 0 dup · 0 rejected');
  await expect(recent).toContainText('4 ready');
  await shoot(page, 'imports-folder-ready');

  // Loose files dropped on the zone make a second batch, listed above the first.
  await page.unroute(UPLOADS);
  await dropFiles(page, [file(`${tag}-dropped-1.png`), file(`${tag}-dropped-2.png`)]);
  await expect(page.getByTestId('upload-batch')).toHaveCount(2);
  await expect(page.getByTestId('upload-batch').first().locator('header')).toContainText('Batch of 2 files');
  for (const name of [`${tag}-dropped-1.png`, `${tag}-dropped-2.png`]) {
    await expect(row(page, name).getByTestId('stage')).toHaveText('Ready', { timeout: PIPELINE_MS });
  }
  await expect(page.getByTestId('upload-overall')).toContainText('6 of 6 files uploaded');
  await shoot(page, 'imports-dropped-ready');
});

test('an upload cut off by the network is retried from the offset the server holds, and ends READY', async ({ page }) => {
  test.setTimeout(4 * 60_000);
  const name = `${tag}-long-take.wav`;
  await openImport(page);

  // The first chunk gets through; then the network goes away for every later chunk.
  let offline = true;
  const patchOffsets: number[] = [];
  await page.route(UPLOADS, async (route) => {
    const request = route.request();
    if (isPatch(request) && offsetOf(request) > 0 && offline) return route.abort('internetdisconnected');
    if (isPatch(request)) patchOffsets.push(offsetOf(request));
    return route.continue();
  });

  await page.getByTestId('file-input').setInputFiles(file(name));
  // tus-js-client retries on its own (0, 1, 3, 5, 10 s) before it gives up and the row says so.
  const failure = row(page, name).getByRole('alert');
  await expect(failure).toHaveText('The connection dropped. Retry to continue from where it stopped.', { timeout: 60_000 });
  await expect(row(page, name)).toContainText(`stopped at ${await firstChunkPercent(file(name))}`);
  await expect(page.getByTestId('upload-overall')).toContainText('0 of 1 files uploaded · 1 failed');
  await shoot(page, 'imports-resume-dropped');
  expect(patchOffsets).toEqual([0]);

  offline = false;
  const created: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/uploads')) created.push(r);
  });
  const head = page.waitForResponse((r) => r.request().method() === 'HEAD' && r.url().includes('/uploads/'));
  await row(page, name).getByRole('button', { name: 'Retry' }).click();
  const offset = Number((await head).headers()['upload-offset']);
  expect(offset).toBe(CHUNK);
  await expect(row(page, name)).toContainText('resumed');
  await expect(row(page, name).getByTestId('stage')).toHaveText('Ready', { timeout: PIPELINE_MS });
  // The next chunk started where the server stood, and no new upload was begun.
  expect(patchOffsets.slice(0, 2)).toEqual([0, CHUNK]);
  expect(created).toHaveLength(0);
  await expect(page.getByTestId('upload-overall')).toContainText('1 of 1 files uploaded');
  await shoot(page, 'imports-resume-ready');
});

test('a reload mid-upload: dropping the same file again resumes it in its first batch', async ({ page }) => {
  test.setTimeout(4 * 60_000);
  const name = `${tag}-after-reload.wav`;
  await openImport(page);
  page.on('dialog', (dialog) => void dialog.accept());

  // The second chunk never leaves the browser: the page is reloaded while it hangs.
  let held!: () => void;
  const hanging = new Promise<void>((resolve) => (held = resolve));
  await page.route(UPLOADS, async (route) => {
    if (isPatch(route.request()) && offsetOf(route.request()) > 0) return held();
    return route.continue();
  });
  await page.getByTestId('file-input').setInputFiles(file(name));
  await hanging;
  const firstBatch = await page.getByTestId('upload-batch').first().getAttribute('data-batch-id');
  await expect(row(page, name)).toContainText(await firstChunkPercent(file(name)));
  await shoot(page, 'imports-reload-midway');

  await page.reload();
  await page.unroute(UPLOADS);
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  await expect(page.getByTestId('upload-batch')).toHaveCount(0);
  // Counted once the recent imports have loaded (the seed's batch is always among them).
  await expect(page.getByTestId('import-batch').first()).toBeVisible();
  const batches = await page.getByTestId('import-batch').count();

  const patches: Request[] = [];
  page.on('request', (r) => void (isPatch(r) && patches.push(r)));
  const head = page.waitForResponse((r) => r.request().method() === 'HEAD' && r.url().includes('/uploads/'));
  await page.getByTestId('file-input').setInputFiles(file(name));
  const offset = Number((await head).headers()['upload-offset']);
  expect(offset).toBeGreaterThanOrEqual(CHUNK);
  await expect(row(page, name)).toContainText('resumed');
  await expect(row(page, name).getByTestId('stage')).toHaveText('Ready', { timeout: PIPELINE_MS });
  // The first chunk after the reload started where the server stood.
  expect(patches.length).toBeGreaterThan(0);
  expect(offsetOf(patches[0]!)).toBe(offset);
  // The file stays in the batch it was started in, and no empty batch is left behind.
  await expect(page.getByTestId('upload-batch').first()).toHaveAttribute('data-batch-id', firstBatch!);
  await expect(page.getByTestId('import-batch')).toHaveCount(batches);
  await shoot(page, 'imports-reload-resumed');
});

test('the pipeline refusing an upload (429) shows a countdown, then the file goes in by itself', async ({ page }) => {
  test.setTimeout(2 * 60_000);
  const name = `${tag}-busy.png`;
  await openImport(page);
  // A saturated pipeline takes 20 000 waiting jobs (MAX_PIPELINE_BACKLOG): the refusal is answered here
  // in the server's words instead, once, so what is under test is the page's handling of it.
  let refused = 0;
  await page.route(UPLOADS, async (route) => {
    if (route.request().method() !== 'POST' || refused > 0) return route.continue();
    refused += 1;
    return route.fulfill({
      status: 429,
      headers: { 'content-type': 'application/problem+json', 'retry-after': '6' },
      body: JSON.stringify({ title: 'Too Many Requests', status: 429, detail: 'The processing pipeline is saturated' }),
    });
  });
  await page.getByTestId('file-input').setInputFiles(file(name));
  const waiting = row(page, name).getByText(/The pipeline is busy, retrying in \d s/);
  await expect(waiting).toBeVisible();
  const first = Number(/in (\d) s/.exec((await waiting.textContent()) ?? '')?.[1]);
  expect(first).toBeGreaterThanOrEqual(4);
  await expect(waiting).toHaveText(`The pipeline is busy, retrying in ${first - 2} s`, { timeout: 4_000 });
  await shoot(page, 'imports-busy-countdown');
  await expect(row(page, name).getByTestId('stage')).toHaveText('Ready', { timeout: PIPELINE_MS });
  expect(refused).toBe(1);
});

test('URL import: bad lines are caught in the form, private and loopback addresses are refused per URL', async ({ page }) => {
  test.setTimeout(2 * 60_000);
  await openImport(page);
  const urls = page.getByLabel('URLs, one per line');
  const submit = page.getByRole('button', { name: 'Import URLs' });
  const form = page.locator('form').filter({ has: submit });

  await submit.click();
  await expect(form.getByRole('alert')).toHaveText('Paste at least one URL.');
  await urls.fill('https://example.org/a.jpg\nftp://files.example.org/b.jpg');
  await submit.click();
  await expect(form.getByRole('alert')).toHaveText('Line 2 is not an http(s) URL.');
  await shoot(page, 'imports-url-invalid');

  const refused = [
    'http://127.0.0.1:8080/loopback.jpg',
    'http://10.1.2.3/private.jpg',
    'http://169.254.169.254/latest/meta-data',
    'http://localhost/local.png',
  ];
  await urls.fill(refused.join('\n'));
  await submit.click();
  const items = page.getByTestId('batch-items');
  await expect(items.getByTestId('batch-item')).toHaveCount(4);
  await expect(urls).toHaveValue('');
  for (const url of refused) {
    const item = items.getByTestId('batch-item').filter({ hasText: url });
    await expect(item.getByText('Rejected')).toBeVisible({ timeout: PIPELINE_MS });
    await expect(item.getByTestId('reason')).toHaveText(/^Refused/);
  }
  await expect(items.getByTestId('batch-item').filter({ hasText: refused[0] }).getByTestId('reason')).toContainText('loopback');
  await expect(items.getByTestId('batch-item').filter({ hasText: refused[1] }).getByTestId('reason')).toContainText('private');
  await expect(items).toContainText('0 accepted · 0 duplicate · 4 rejected · 0 pending');
  await expect(page.getByTestId('import-batch').filter({ hasText: '4 URLs' })).toContainText('0 new · 0 dup · 4 rejected');
  await shoot(page, 'imports-url-refused');
});

test('manifest import: an unreadable manifest says why; each row of a readable one shows its outcome', async ({ page }) => {
  test.setTimeout(2 * 60_000);
  await openImport(page);
  const input = page.getByLabel('Manifest file');
  const submit = page.getByRole('button', { name: 'Import manifest' });
  const form = page.locator('form').filter({ has: submit });

  await submit.click();
  await expect(form.getByRole('alert')).toHaveText('Choose a .csv or .jsonl file.');
  await input.setInputFiles({ name: 'rows.txt', mimeType: 'text/plain', buffer: Buffer.from('uri\n') });
  await submit.click();
  await expect(form.getByRole('alert')).toHaveText('A manifest is a .csv (with a header row) or a .jsonl file.');

  await input.setInputFiles({ name: 'no-uri.csv', mimeType: 'text/csv', buffer: Buffer.from('path,device\na.jpg,cam\n') });
  await submit.click();
  await expect(form.getByRole('alert')).toContainText('needs a "uri" column');
  // Nothing went in, so no (empty) batch listing appears under the error.
  await expect(page.getByText('Loading the batch…')).toHaveCount(0);
  await expect(page.getByText('No files in this batch')).toHaveCount(0);
  await shoot(page, 'imports-manifest-unreadable');

  const rows = [
    JSON.stringify({ uri: 'http://192.168.1.20/field/0001.jpg', device: 'cam-a', captured_at: '2026-05-01' }),
    '{ not json',
    JSON.stringify({ uri: 'file:///etc/passwd' }),
    JSON.stringify({ uri: 'https://example.org/x.jpg', captured_at: 'yesterday' }),
  ];
  await input.setInputFiles({ name: `${tag}.jsonl`, mimeType: 'application/x-ndjson', buffer: Buffer.from(rows.join('\n')) });
  await submit.click();
  await expect(form.getByRole('alert')).toHaveCount(0);
  const items = page.getByTestId('batch-items');
  await expect(items.getByTestId('batch-item')).toHaveCount(4);
  const reason = (name: string) => items.getByTestId('batch-item').filter({ hasText: name }).getByTestId('reason');
  await expect(reason('0001.jpg')).toHaveText(/^Refused .*private/, { timeout: PIPELINE_MS });
  await expect(reason('line 2')).toHaveText('line 2: not valid JSON');
  await expect(reason('line 3')).toContainText('use the CLI for server files');
  await expect(reason('line 4')).toContainText('captured_at');
  await expect(items).toContainText('0 accepted · 0 duplicate · 4 rejected · 0 pending');
  await expect(page.getByTestId('import-batch').filter({ hasText: `${tag}.jsonl` })).toContainText('0 new · 0 dup · 4 rejected');
  await shoot(page, 'imports-manifest-rows');
});

/** Uploads a corrupt file and waits for its row to say it was quarantined, and why. */
async function uploadCorrupt(page: Page, name: string): Promise<void> {
  await openImport(page);
  await page.getByTestId('file-input').setInputFiles(file(name));
  await expect(row(page, name).getByTestId('stage')).toHaveText('Quarantined', { timeout: PIPELINE_MS });
  await expect(row(page, name).getByTestId('reason')).toHaveText(/^corrupt: /);
}

test('a corrupt JPEG is quarantined with its reason; Retry from its card runs it again and it is quarantined again', async ({
  page,
}) => {
  test.setTimeout(3 * 60_000);
  const name = `${tag}-cut.jpg`;
  await uploadCorrupt(page, name);

  await page.goto('/projects/demo/assets');
  await page.getByLabel('Filename contains').fill(name);
  await expect(page.getByTestId('asset-total')).toHaveText('1 asset matches');
  const card = page.getByTestId(`asset-card-${name}`);
  await expect(card.getByTestId('stage')).toHaveText('Quarantined');
  await expect(card).toContainText('corrupt: ');
  await shoot(page, 'imports-quarantined-card');

  await card.getByRole('button', { name: 'Retry' }).click();
  const retry = page.getByRole('dialog').filter({ hasText: `Retry ${name}?` });
  await expect(retry).toContainText('goes back to RAW and through the pipeline again');
  await retry.getByRole('button', { name: 'Retry' }).click();
  await expect(retry).toBeHidden();

  // It is still corrupt: the second run quarantines it again, and its page lists both verdicts.
  await card.getByRole('link', { name, exact: true }).click();
  await page.waitForURL('**/projects/demo/assets/**');
  const runs = page.getByRole('table', { name: 'Stage runs' });
  await expect(runs.getByRole('row').filter({ hasText: /quarantined/i })).toHaveCount(2, { timeout: PIPELINE_MS });
  await expect(page.getByRole('heading', { name })).toContainText('Quarantined');
  await shoot(page, 'imports-quarantined-retried');
});

test('a quarantined asset says why on its page; Discard removes it from the project', async ({ page }) => {
  test.setTimeout(3 * 60_000);
  const name = `${tag}-cut-2.jpg`;
  await uploadCorrupt(page, name);
  await row(page, name).getByRole('link', { name: 'open' }).click();
  await page.waitForURL('**/projects/demo/assets/**');
  await expect(page.getByRole('heading', { name })).toContainText('Quarantined');
  await expect(page.getByText('Quarantined:').locator('..')).toContainText('corrupt: ');
  await shoot(page, 'imports-quarantined-detail');

  await page.getByRole('button', { name: 'Discard' }).click();
  const discard = page.getByRole('dialog').filter({ hasText: `Discard ${name}?` });
  await expect(discard).toContainText('The asset leaves the project');
  await discard.getByRole('button', { name: 'Discard' }).click();
  await page.waitForURL('**/projects/demo/assets');
  await page.getByLabel('Filename contains').fill(name);
  await expect(page.getByTestId('asset-total')).toHaveText('0 assets match');
  await expect(page.getByTestId(`asset-card-${name}`)).toHaveCount(0);
  await shoot(page, 'imports-discarded');
});
