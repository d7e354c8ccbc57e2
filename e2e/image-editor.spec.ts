import { expect, test, type Page } from '@playwright/test';
import { PASSWORD, shoot, signIn, USERS, type CanvasTransform, serverRegions } from './support';

// The image editor on the seeded streets project (prisma/seed-streets.ts), with the mouse and the
// keyboard as an annotator works: draw a box, a polygon, a keypoint set and a line, give a required
// attribute, undo and redo, move, delete, reload, meet a conflict from a second tab, submit, paste
// onto the next image, decide a detector's suggestions, and open 2,000 suggested boxes.
test.describe.configure({ mode: 'serial' });

let page: Page;
const SHELL = /\/projects\/streets\/work\/[^/]+$/;

/** A point given in normalized image coordinates, on the screen. */
async function at(p: Page, u: number, v: number): Promise<[number, number]> {
  const canvas = p.getByTestId('image-canvas');
  await expect(canvas).toHaveAttribute('data-transform', /scale/);
  const t = JSON.parse((await canvas.getAttribute('data-transform'))!) as CanvasTransform;
  const box = (await canvas.boundingBox())!;
  return [box.x + t.x + u * t.width * t.scale, box.y + t.y + v * t.height * t.scale];
}

async function dragOn(p: Page, from: [number, number], to: [number, number]) {
  await p.mouse.move(...(await at(p, ...from)));
  await p.mouse.down();
  const end = await at(p, ...to);
  await p.mouse.move(end[0], end[1], { steps: 6 });
  await p.mouse.up();
}

async function clickOn(p: Page, u: number, v: number, options: { modifiers?: ('Alt' | 'Shift')[] } = {}) {
  const [x, y] = await at(p, u, v);
  for (const m of options.modifiers ?? []) await p.keyboard.down(m);
  await p.mouse.click(x, y);
  for (const m of options.modifiers ?? []) await p.keyboard.up(m);
}

const rows = (p: Page) => p.getByTestId('region-list').getByRole('option');
const saved = (p: Page) => expect(p.getByTestId('save-status')).toHaveText('All changes saved');

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
  page = await context.newPage();
  // Leaving with unsaved work asks first (beforeunload); the reload steps mean to leave.
  page.on('dialog', (d) => void d.accept());
  await signIn(page, USERS.annotator);
});

test.afterAll(async () => {
  await page.context().close();
});

test('draw every shape, enforce a required attribute, undo, move, delete, reload', async () => {
  test.setTimeout(120_000);
  await page.goto('/projects/streets/work');
  await page.getByRole('button', { name: 'Start labeling' }).click();
  await page.waitForURL(SHELL);
  await expect(page.getByTestId('image-editor')).toBeVisible();
  await expect(page.getByText('No regions yet')).toBeVisible();

  await test.step('a car box: pick the class by its key, B, drag', async () => {
    await page.keyboard.press('1');
    await page.keyboard.press('b');
    await dragOn(page, [0.1, 0.5], [0.3, 0.75]);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('Car');
    await saved(page);
    const [box] = await serverRegions(page, 'streets');
    expect(box).toMatchObject({ type: 'bbox', classId: 'car' });
    expect(box!.x as number).toBeCloseTo(0.1, 2);
    expect(box!.w as number).toBeCloseTo(0.2, 2);
  });

  await test.step('a traffic light needs its color before the item can be submitted', async () => {
    await page.keyboard.press('4');
    await dragOn(page, [0.6, 0.1], [0.64, 0.25]);
    await expect(rows(page)).toHaveCount(2);
    await expect(page.getByText(/Fix one problem to submit: Traffic light needs “Color”/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Submit' })).toBeDisabled();
    await page.getByTestId('attribute-form').getByLabel('Color').selectOption('red');
    await expect(page.getByRole('button', { name: 'Submit' })).toBeEnabled();
    await saved(page);
  });

  await test.step('a polygon: P, four clicks, Enter', async () => {
    await page.keyboard.press('p');
    for (const [u, v] of [
      [0.4, 0.4],
      [0.55, 0.42],
      [0.52, 0.6],
      [0.42, 0.58],
    ] as const)
      await clickOn(page, u, v);
    await page.keyboard.press('Enter');
    await expect(rows(page)).toHaveCount(3);
    await expect(rows(page).first()).toContainText('Polygon');
  });

  await test.step('a pedestrian keypoint set follows the skeleton; N skips a hidden point', async () => {
    await page.keyboard.press('2');
    await page.keyboard.press('k');
    await expect(page.getByRole('status').filter({ hasText: 'Click to place “Head”' })).toBeVisible();
    const points: [number, number][] = [
      [0.8, 0.3],
      [0.8, 0.34],
      [0.77, 0.36],
      [0.83, 0.36],
      [0.75, 0.45],
      [0.85, 0.45],
      [0.8, 0.5],
      [0.78, 0.62],
    ];
    for (const [u, v] of points) await clickOn(page, u, v);
    await page.keyboard.press('n');
    await expect(rows(page)).toHaveCount(4);
    await saved(page);
    const keypoints = (await serverRegions(page, 'streets')).find((r) => r.type === 'keypoints')!;
    expect((keypoints.points as { v: number }[]).map((p) => p.v)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 0]);
  });

  await test.step('a lane marking: I, three clicks along it, a second click on the last point ends the line', async () => {
    await page.keyboard.press('5');
    await page.keyboard.press('i');
    for (const [u, v] of [
      [0.05, 0.724],
      [0.5, 0.724],
      [0.9, 0.724],
    ] as const)
      await clickOn(page, u, v);
    await expect(page.getByRole('status').filter({ hasText: 'click the last point again' })).toBeVisible();
    await clickOn(page, 0.9, 0.724);
    await expect(rows(page)).toHaveCount(5);
    await expect(rows(page).first()).toContainText('Lane marking');
    await saved(page);
    const line = (await serverRegions(page, 'streets')).find((r) => r.type === 'polyline')!;
    expect(line).toMatchObject({ classId: 'lane_marking' });
    expect(line.points as number[][]).toHaveLength(3);
    await shoot(page, 'image-editor-shapes');
  });

  await test.step('undo and redo step through gestures', async () => {
    await page.keyboard.press('Control+z');
    await expect(rows(page)).toHaveCount(4);
    await page.keyboard.press('Control+Shift+z');
    await expect(rows(page)).toHaveCount(5);
  });

  await test.step('select and move the car box, nudge it, then delete and restore it', async () => {
    await page.keyboard.press('v');
    await dragOn(page, [0.2, 0.6], [0.25, 0.6]);
    await page.keyboard.press('ArrowUp');
    await saved(page);
    const car = (await serverRegions(page, 'streets')).find((r) => r.classId === 'car' && r.type === 'bbox')!;
    expect(car.x as number).toBeCloseTo(0.15, 2);
    expect(car.y as number).toBeLessThan(0.5);
    await page.keyboard.press('Delete');
    await expect(rows(page)).toHaveCount(4);
    await page.keyboard.press('Control+z');
    await expect(rows(page)).toHaveCount(5);
    await saved(page);
  });

  await test.step('a reload, even right after an edit, keeps every region', async () => {
    await page.keyboard.press('Control+a');
    await page.keyboard.press('ArrowRight');
    // No waiting for the autosave: the local draft carries the edit over the reload.
    await page.reload();
    await expect(rows(page)).toHaveCount(5);
    await saved(page);
  });

  await test.step('an expired session keeps the work on this device and saves it after signing in again', async () => {
    const item = page.url();
    await page.context().clearCookies();
    await page.keyboard.press('1');
    await page.keyboard.press('b');
    await dragOn(page, [0.7, 0.8], [0.8, 0.9]);
    await expect(rows(page)).toHaveCount(6);
    await expect(page.getByText('Your session has expired.')).toBeVisible();
    await expect(page.getByTestId('save-status')).toHaveText('Not saved: signed out');
    await shoot(page, 'image-editor-signed-out');
    await page.getByRole('button', { name: 'Sign in again' }).click();
    await page.waitForURL(/\/signin\?callbackUrl=/);
    await page.getByLabel('Email').fill(USERS.annotator);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL(item);
    await expect(rows(page)).toHaveCount(6);
    await saved(page);
    expect(await serverRegions(page, 'streets')).toHaveLength(6);
    // Back to the five regions the later steps expect (the history did not survive the page load).
    await page.keyboard.press('v');
    await clickOn(page, 0.75, 0.85);
    await page.keyboard.press('Delete');
    await expect(rows(page)).toHaveCount(5);
    await saved(page);
  });
});

test('a second tab on the same item gets the conflict flow', async () => {
  const url = page.url();
  const other = await page.context().newPage();
  other.on('dialog', (d) => void d.accept());
  await other.goto(url);
  await expect(rows(other)).toHaveCount(5);
  await other.keyboard.press('1');
  await other.keyboard.press('b');
  await dragOn(other, [0.05, 0.05], [0.15, 0.15]);
  await saved(other);

  await page.keyboard.press('1');
  await page.keyboard.press('b');
  await dragOn(page, [0.85, 0.85], [0.95, 0.95]);
  await expect(page.getByText('Someone else changed this item while you had it open.')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Not saved: changed elsewhere');
  await shoot(page, 'image-editor-conflict');
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByText('You have labels that were not saved')).toBeVisible();
  await page.getByRole('button', { name: 'Use my labels' }).click();
  await saved(page);
  await other.close();
});

test('submit, paste onto the next image, decide suggestions, open 2,000 boxes', async () => {
  test.setTimeout(120_000);
  await page.keyboard.press('v');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  const first = page.url();
  await page.keyboard.press('Enter');
  await expect(page).not.toHaveURL(first);
  await expect(page.getByText('No regions yet')).toBeVisible();

  await test.step('what was copied pastes onto the next image', async () => {
    await page.keyboard.press('Control+v');
    await expect(rows(page)).toHaveCount(6);
    await saved(page);
    await page.keyboard.press('Enter');
  });

  await test.step("a detector's suggestions wait for a decision", async () => {
    const bar = page.getByTestId('suggestions');
    await expect(bar).toContainText('from demo-detector v1');
    await expect(page.getByRole('button', { name: 'Submit' })).toBeDisabled();
    await shoot(page, 'image-editor-suggestions');
    await bar.getByRole('button', { name: 'Accept all' }).click();
    await expect(bar).toBeHidden();
    await saved(page);
    await page.getByRole('button', { name: 'Submit' }).click();
  });

  await test.step('2,000 suggested boxes draw at once and stay responsive', async () => {
    await expect(page.getByTestId('suggestions')).toContainText('2,000 suggestions');
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('loupe:regions-drawn').length)).toBeGreaterThan(0);
    await page.getByRole('searchbox', { name: 'Search regions' }).fill('cyclist');
    await expect(page.getByTestId('region-count')).toHaveText('666 of 2,000');
    await shoot(page, 'image-editor-2000');
  });
});

test('a reviewer sees the shapes on the image, read-only', async ({ browser }) => {
  // Signing in, claiming and drawing the labels took 33 s at load 12 on two cores.
  test.setTimeout(60_000);
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
  const reviewer = await context.newPage();
  await signIn(reviewer, USERS.reviewer);
  await reviewer.goto('/projects/streets/work');
  await reviewer.getByRole('button', { name: 'Start reviewing' }).click();
  await reviewer.waitForURL(SHELL);
  const view = reviewer.getByTestId('image-review');
  await expect(view).toBeVisible();
  await expect(view.getByLabel('Showing')).toContainText('Ann Annotator');
  await expect(view.getByRole('button', { name: 'Box' })).toHaveCount(0);
  await expect.poll(() => reviewer.evaluate(() => performance.getEntriesByName('loupe:regions-drawn').length)).toBeGreaterThan(0);

  // A click on a shape focuses its note; a focused note selects its shape.
  await clickOn(reviewer, 0.3, 0.724);
  const laneNote = reviewer.getByLabel('Note on Lane marking by Ann Annotator');
  await expect(laneNote).toBeFocused();
  const laneId = await laneNote.getAttribute('data-region-id');
  await expect(view).toHaveAttribute('data-selected-region', laneId!);
  await laneNote.fill('Follows the dashes, good');
  await reviewer.getByLabel('Note on Traffic light by Ann Annotator').focus();
  const lightId = await reviewer.getByLabel('Note on Traffic light by Ann Annotator').getAttribute('data-region-id');
  await expect(view).toHaveAttribute('data-selected-region', lightId!);
  // Two cars: their notes are numbered.
  await expect(reviewer.getByLabel('Note on Car 2 by Ann Annotator')).toBeVisible();
  // A drag pans, and does not change what is selected.
  await dragOn(reviewer, [0.5, 0.3], [0.45, 0.3]);
  await expect(view).toHaveAttribute('data-selected-region', lightId!);
  await shoot(reviewer, 'image-review');
  await context.close();
});
