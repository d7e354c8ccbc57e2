import { expect, type Page } from '@playwright/test';

// What the video specs share on the seeded clips project (prisma/seed-clips.ts): opening an item of
// its label queue once the player shows the first frame, and going to a frame.

export const CLIPS_SHELL = /\/projects\/clips\/work\/[^/]+$/;

/** The player has presented its first frame (the <video> carries the frame on screen once it has). */
export const playerReady = (p: Page) =>
  expect(p.getByTestId('video-media')).toHaveAttribute('data-frame', '0', { timeout: 30_000 });

/** Opens the clips label queue's next item (or the one already open); returns its file name. */
export async function openNextClip(p: Page): Promise<string> {
  await p.goto('/projects/clips/work');
  await p
    .getByRole('button', { name: /Start labeling|Continue/ })
    .first()
    .click();
  await p.waitForURL(CLIPS_SHELL);
  await playerReady(p);
  return ((await p.getByTestId('asset-filename').textContent()) ?? '').trim();
}

/** Types a frame number into "Go to frame"; the toolbar shows it. */
export async function goToFrame(p: Page, frame: number): Promise<void> {
  await p.getByLabel('Go to frame').fill(String(frame));
  await p.getByLabel('Go to frame').press('Enter');
  await expect(p.getByTestId('video-frame')).toHaveText(String(frame));
}
