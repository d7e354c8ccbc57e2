import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';

// Shared by the specs: the seeded demo accounts (prisma/seed.ts) and small page actions.
export const PASSWORD = 'loupe-demo';
export const USERS = {
  admin: 'admin@loupe.test',
  lead: 'lead@loupe.test',
  reviewer: 'reviewer@loupe.test',
  annotator: 'annotator@loupe.test',
  other: 'other@loupe.test',
} as const;

/** The image canvas's view, as its `data-transform` attribute publishes it (components/annotate/image/image-canvas.tsx). */
export interface CanvasTransform {
  scale: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL('**/projects');
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
}

/** A full-page screenshot under e2e/screenshots/ (gitignored), for a person to look at. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true, animations: 'disabled' });
}

export function unique(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

/** Drops PNG files on the drop zone the way a browser does: a DataTransfer carrying File objects. */
export async function dropFiles(page: Page, files: string[]): Promise<void> {
  const payload = await Promise.all(
    files.map(async (f) => ({ name: path.basename(f), b64: (await readFile(f)).toString('base64') })),
  );
  await page.getByTestId('drop-zone').evaluate((zone, items) => {
    const transfer = new DataTransfer();
    for (const { name, b64 } of items) {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name, { type: 'image/png' }));
    }
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, payload);
}

/** The annotation of the item open on `p` (the task shell's URL ends in its assignment id), as the server has it now. */
export async function serverRegions(p: Page, project: string): Promise<Record<string, unknown>[]> {
  const id = new URL(p.url()).pathname.split('/').pop();
  const res = await p.request.get(`/api/v1/projects/${project}/assignments/${id}`);
  expect(res.ok(), await res.text()).toBe(true);
  return ((await res.json()) as { annotation: { regions: Record<string, unknown>[] } }).annotation.regions;
}

/** Seeded media through the workers (probe, derivatives) on a busy 2-core machine. */
export const PIPELINE_MS = 120_000;

/** How many items wait in a project's first (label) pass: seeded media is queued as the workers make it READY. */
export async function labelWaiting(p: Page, project: string): Promise<number> {
  return (await labelPassStats(p, project)).waiting;
}

/** Items of the project's label pass waiting or in someone's hands. */
export async function labelQueue(p: Page, project: string): Promise<number> {
  const { waiting, inProgress } = await labelPassStats(p, project);
  return waiting + inProgress;
}

async function labelPassStats(p: Page, project: string): Promise<{ waiting: number; inProgress: number }> {
  const res = await p.request.get(`/api/v1/projects/${project}/queues`);
  expect(res.ok(), await res.text()).toBe(true);
  const pass = ((await res.json()) as { passes: { waiting: number; inProgress: number }[] }).passes[0];
  return { waiting: pass?.waiting ?? 0, inProgress: pass?.inProgress ?? 0 };
}

/** A page of its own for a serial editor spec, signed in, dialogs accepted, once the project's seeded items are queued. */
export async function editorPage(browser: Browser, email: string, project: string, items: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await signIn(page, email);
  await expect.poll(() => labelWaiting(page, project), { timeout: PIPELINE_MS }).toBe(items);
  return page;
}

/** The audio editor's `<audio>` as the page has it now. */
export const mediaState = (p: Page) =>
  p.getByTestId('audio-media').evaluate((a: HTMLAudioElement) => ({
    paused: a.paused,
    time: a.currentTime,
    rate: a.playbackRate,
    pitch: a.preservesPitch,
    duration: a.duration,
  }));

/** Types a time into the audio editor's "Go to time" box and waits for the media to get there. */
export async function goTo(p: Page, time: string): Promise<void> {
  await p.getByLabel('Go to time').fill(time);
  await p.getByLabel('Go to time').press('Enter');
  await expect.poll(async () => (await mediaState(p)).time).toBeCloseTo(Number(time), 1);
  // The keys belong to the page again, not to the time box.
  await p.getByLabel('Go to time').blur();
}
