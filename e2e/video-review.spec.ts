import { expect, test, type Browser, type Page } from '@playwright/test';
import { labelQueue, PIPELINE_MS, shoot, signIn, USERS } from './support';
import { goToFrame, openNextClip, playerReady } from './video-clips';

// The video review (issue 8) on the seeded clips project: an annotator submits a clip with a box
// track, a polygon track and an event; a reviewer opens it read-only (shapes on the frame, the
// polygon interpolated between its keyframes, the timeline), clicks a shape to write a note on it,
// comments and rejects; the annotator reworks and submits again; the reviewer compares the new
// version with the rejected one (changed and removed counted) and accepts.
test.describe.configure({ mode: 'serial' });

let annotator: Page;
let reviewer: Page;
let filename = '';

const kf = (frame: number, x: number, extra: Record<string, unknown> = {}) => ({
  frame,
  x,
  y: 0.5,
  w: 0.1,
  h: 0.2,
  state: 'visible',
  ...extra,
});
const triangle = (frame: number, dx: number) => {
  const points = [
    [0.5 + dx, 0.1],
    [0.7 + dx, 0.1],
    [0.6 + dx, 0.3],
  ];
  return { frame, x: 0.5 + dx, y: 0.1, w: 0.2, h: 0.2, state: 'visible', points };
};
const CAR = { id: 'review-car', type: 'video_track', classId: 'vehicle', attributes: {}, keyframes: [kf(10, 0.1), kf(40, 0.3)] };
const SHADOW = {
  id: 'review-shadow',
  type: 'video_track',
  classId: 'shadow',
  attributes: {},
  keyframes: [triangle(10, 0), triangle(30, 0.2)],
};
const CROSSING = { id: 'review-crossing', type: 'event', classId: 'crossing', attributes: {}, start: 50, end: 60 };

async function pageFor(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await signIn(page, email);
  return page;
}

/** The item open on `p`: its assignment id and its annotation's version, as the server has them. */
async function openItem(p: Page) {
  const id = new URL(p.url()).pathname.split('/').pop()!;
  const res = await p.request.get(`/api/v1/projects/clips/assignments/${id}`);
  expect(res.ok(), await res.text()).toBe(true);
  return { id, version: ((await res.json()) as { annotation: { version: number } }).annotation.version };
}

/** Saves `regions` as the annotation of the item open on `p` (the editor's own save, through the API), and reloads the editor. */
async function saveRegions(p: Page, regions: unknown[]) {
  const { id, version } = await openItem(p);
  const res = await p.request.put(`/api/v1/projects/clips/assignments/${id}/annotation`, { data: { version, regions } });
  expect(res.ok(), await res.text()).toBe(true);
  await p.reload();
  await playerReady(p);
}

const shapes = async (p: Page) => (await p.getByTestId('video-overlay').getAttribute('data-boxes')) ?? '';

/** The reviewer's next item; another clip waiting before ours (from the editor spec, in a full run) is accepted on the way. */
async function reviewOurs(p: Page) {
  for (let tries = 0; tries < 4; tries++) {
    await p.goto('/projects/clips/work');
    await p
      .getByRole('button', { name: /Start reviewing|Continue/ })
      .first()
      .click();
    await expect(p.getByTestId('video-review')).toBeVisible();
    const file = (await p.getByTestId('asset-filename').innerText()).trim();
    if (file === filename) return;
    await p.keyboard.press('a');
    await movedOn(p, file);
  }
  throw new Error(`the review queue never gave ${filename}`);
}

/** The shell has moved on from the item of this file (to the next item, or to the empty queue on the same URL). */
const movedOn = (p: Page, file: string) => expect(p.getByTestId('asset-filename').filter({ hasText: file })).toHaveCount(0);

/** Submits the item open on `p` and waits for the shell to move on. */
async function submitAndLeave(p: Page) {
  const file = (await p.getByTestId('asset-filename').innerText()).trim();
  await p.getByRole('button', { name: 'Submit' }).click();
  await movedOn(p, file);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(PIPELINE_MS + 30_000);
  annotator = await pageFor(browser, USERS.annotator);
  reviewer = await pageFor(browser, USERS.reviewer);
});

test.afterAll(async () => {
  await annotator?.context().close();
  await reviewer?.context().close();
});

test('the annotator submits a clip with a box track, a polygon track and an event', async () => {
  test.setTimeout(PIPELINE_MS + 60_000);
  // Alone, the workers first make the seeded clips READY; after the editor spec one is still open
  // (the annotator's own: "Start labeling" gives it back), and others may wait.
  await expect.poll(() => labelQueue(annotator, 'clips'), { timeout: PIPELINE_MS }).toBeGreaterThan(0);
  filename = await openNextClip(annotator);
  await saveRegions(annotator, [CAR, SHADOW, CROSSING]);
  await expect(annotator.getByTestId('video-timeline')).toHaveAttribute('data-rows', '3');
  await submitAndLeave(annotator);
});

test('the reviewer sees the tracks read-only, notes a track, comments and rejects', async () => {
  test.setTimeout(120_000);
  await reviewOurs(reviewer);
  await playerReady(reviewer);
  const review = reviewer.getByTestId('video-review');
  await expect(reviewer.getByTestId('video-timeline')).toHaveAttribute('data-rows', '3');
  await expect(reviewer.getByRole('group', { name: 'Drawing tool' })).toHaveCount(0);
  await goToFrame(reviewer, 20);
  // Halfway between the polygon's keyframes (10 and 30) its vertices are halfway: moved by 0.1.
  expect(await shapes(reviewer)).toContain(
    'review-shadow 0.6000,0.1000,0.2000,0.2000 points 0.6000:0.1000 0.8000:0.1000 0.7000:0.3000',
  );
  expect(await shapes(reviewer)).toMatch(/review-car 0\.1667,0\.5000,0\.1000,0\.2000(;|$)/);
  await shoot(reviewer, 'video-review');

  // Read-only: a drag on the overlay draws nothing and moves nothing.
  const overlay = reviewer.getByTestId('video-overlay');
  const box = (await overlay.boundingBox())!;
  const before = await shapes(reviewer);
  await reviewer.mouse.move(box.x + 0.3 * box.width, box.y + 0.75 * box.height);
  await reviewer.mouse.down();
  await reviewer.mouse.move(box.x + 0.45 * box.width, box.y + 0.9 * box.height, { steps: 5 });
  await reviewer.mouse.up();
  expect(await shapes(reviewer)).toBe(before);

  // A click on the polygon selects it and focuses its note in the review panel.
  await reviewer.mouse.click(box.x + 0.7 * box.width, box.y + 0.1 * box.height + 1);
  await expect(review).toHaveAttribute('data-selected-region', 'review-shadow');
  const note = reviewer.getByLabel(/Note on Shadow/);
  await expect(note).toBeFocused();
  await note.fill('The shadow ends at frame 30, but the event is wrong.');
  await note.blur();
  await reviewer.getByLabel('Add a comment').fill('Please check the crossing.');
  await reviewer.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(reviewer.getByTestId('comment').filter({ hasText: 'Please check the crossing.' })).toBeVisible();
  await shoot(reviewer, 'video-review-notes');
  await reviewer.keyboard.press('r');
  const reason = reviewer.getByRole('dialog').getByLabel('Reason');
  await reason.fill('No crossing in this clip; move the car on frame 40.');
  await reason.press('Enter');
  await expect(reviewer.getByTestId('video-review')).toBeHidden();
});

test('after the rework the reviewer compares with the rejected version and accepts', async () => {
  test.setTimeout(120_000);
  await openNextClip(annotator);
  await expect(annotator.getByTestId('rework-notice')).toContainText('No crossing in this clip');
  await expect(annotator.getByTestId('task-header')).toContainText(filename);
  await saveRegions(annotator, [{ ...CAR, keyframes: [kf(10, 0.1), kf(40, 0.5)] }, SHADOW]);
  await submitAndLeave(annotator);

  await reviewOurs(reviewer);
  await playerReady(reviewer);
  await expect(reviewer.getByTestId('video-timeline')).toHaveAttribute('data-rows', '2');
  await reviewer.getByLabel('Compare with').selectOption({ index: 1 });
  const legend = reviewer.getByLabel('Legend');
  await expect(legend).toContainText('added (0)');
  await expect(legend).toContainText('changed (1)');
  await expect(legend).toContainText('removed (1)');
  // The removed event is still drawn (tinted) on the timeline: two tracks and its lane.
  await expect(reviewer.getByTestId('video-timeline')).toHaveAttribute('data-rows', '3');
  await goToFrame(reviewer, 40);
  await shoot(reviewer, 'video-review-compare');
  await reviewer.keyboard.press('a');
  await expect(reviewer.getByTestId('video-review')).toBeHidden();
});
