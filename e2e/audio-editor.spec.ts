import { expect, test, type Page } from '@playwright/test';
import { editorPage, goTo, mediaState, serverRegions, shoot, signIn, USERS } from './support';

// The audio editor on the seeded voices project (prisma/seed-voices.ts), as an annotator works: mark
// segments with the mouse and with I / O at the playhead, name a speaker and type a transcript, cut,
// merge, undo, play with the keys (speed, skips, next segment, the spectrogram), reload, meet a conflict from a second
// tab, mark an empty transcript intentional and submit; then a reviewer hears the item read-only.
test.describe.configure({ mode: 'serial' });

let page: Page;
const SHELL = /\/projects\/voices\/work\/[^/]+$/;

const rows = (p: Page) => p.getByTestId('segment-row');
const saved = (p: Page) => expect(p.getByTestId('save-status')).toHaveText('All changes saved');

/** A point of the waveform at a fraction of the file (the whole file is in view). */
async function at(p: Page, fraction: number): Promise<[number, number]> {
  const box = (await p.getByTestId('audio-waveform').boundingBox())!;
  return [box.x + fraction * box.width, box.y + box.height / 2];
}

async function dragOn(p: Page, from: number, to: number) {
  await p.mouse.move(...(await at(p, from)));
  await p.mouse.down();
  const end = await at(p, to);
  await p.mouse.move(end[0], end[1], { steps: 8 });
  await p.mouse.up();
}

test.beforeAll(async ({ browser }) => {
  // The workers make the seeded recordings READY (probe, peaks, proxy) and the workflow queues them.
  page = await editorPage(browser, USERS.annotator, 'voices', 3);
});

test.afterAll(async () => {
  await page.context().close();
});

test('mark, name, transcribe, cut, merge and undo segments with the mouse and the keys; reload keeps them', async () => {
  test.setTimeout(120_000);
  await page.goto('/projects/voices/work');
  await page.getByRole('button', { name: 'Start labeling' }).click();
  await page.waitForURL(SHELL);
  await expect(page.getByTestId('audio-waveform')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByText('No segments yet')).toBeVisible();
  // The waveform is drawn from the peaks, which may come before the media's own metadata.
  await expect.poll(async () => (await mediaState(page)).duration).toBeGreaterThan(9);
  const { duration } = await mediaState(page);

  await test.step('a speech segment dragged on the waveform, with a speaker and a transcript', async () => {
    await page.keyboard.press('1');
    await dragOn(page, 0.1, 0.3);
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText('Speech');
    await expect(page.getByText('Speech needs “Speaker”').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Submit' })).toBeDisabled();
    await rows(page).first().getByPlaceholder('Speaker').fill('alex');
    await rows(page)
      .first()
      .getByRole('textbox', { name: /Transcript/ })
      .fill('Good morning');
    await page.keyboard.press('Escape');
    await saved(page);
    const [segment] = await serverRegions(page, 'voices');
    expect(segment).toMatchObject({
      type: 'audio_segment',
      classId: 'speech',
      text: 'Good morning',
      attributes: { speaker: 'alex' },
    });
    expect(segment!.start as number).toBeCloseTo(duration * 0.1, 0);
    expect(segment!.end as number).toBeCloseTo(duration * 0.3, 0);
  });

  await test.step('a music segment from I and O at the playhead', async () => {
    // Nothing selected, so the class key picks the next segment's class rather than relabeling.
    await page.keyboard.press('Escape');
    await page.keyboard.press('2');
    await goTo(page, '5');
    await page.keyboard.press('i');
    await expect(page.getByText('Start marked at 0:05.00')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('o');
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).nth(1)).toContainText('0:05.00–0:07.00');
    await expect(rows(page).nth(1)).toContainText('Music');
    // Its edges by 10 ms from the keys, and back.
    await page.keyboard.press(']');
    await page.keyboard.press('}');
    await expect(rows(page).nth(1)).toContainText('0:05.01–0:07.01');
    await page.keyboard.press('[');
    await page.keyboard.press('{');
    await expect(rows(page).nth(1)).toContainText('0:05.00–0:07.00');
  });

  await test.step('cut it at the playhead, merge the halves back, undo the merge', async () => {
    await goTo(page, '6');
    await rows(page)
      .nth(1)
      .click({ position: { x: 5, y: 40 } });
    await page.keyboard.press('c');
    await expect(rows(page)).toHaveCount(3);
    await expect(rows(page).nth(1)).toContainText('0:05.00–0:06.00');
    await expect(rows(page).nth(2)).toContainText('0:06.00–0:07.00');
    await rows(page)
      .nth(1)
      .click({ position: { x: 5, y: 40 } });
    await rows(page)
      .nth(2)
      .click({ position: { x: 5, y: 40 }, modifiers: ['Shift'] });
    await page.keyboard.press('m');
    await expect(rows(page)).toHaveCount(2);
    await page.keyboard.press('Control+z');
    await expect(rows(page)).toHaveCount(3);
    await page.keyboard.press('Control+Shift+z');
    await expect(rows(page)).toHaveCount(2);
    await saved(page);
    await shoot(page, 'audio-editor');
  });

  await test.step('reload keeps the work', async () => {
    await page.reload();
    await expect(page.getByTestId('audio-waveform')).toHaveAttribute('data-ready', 'true');
    await expect(rows(page)).toHaveCount(2);
    await expect(
      rows(page)
        .first()
        .getByRole('textbox', { name: /Transcript/ }),
    ).toHaveValue('Good morning');
  });
});

test('playback keys: play and pause, speed with pitch kept, skips, next and previous segment, loop', async () => {
  test.setTimeout(60_000);
  await page.keyboard.press('0');
  await goTo(page, '0');
  await page.keyboard.press('Space');
  await expect.poll(async () => (await mediaState(page)).paused).toBe(false);
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect.poll(async () => (await mediaState(page)).paused).toBe(true);
  expect((await mediaState(page)).time).toBeGreaterThan(0);

  await page.keyboard.press('Shift+Period');
  await expect(page.getByLabel('Playback speed')).toHaveValue('1.25');
  expect(await mediaState(page)).toMatchObject({ rate: 1.25, pitch: true });
  await page.keyboard.press('Shift+Comma');
  await page.keyboard.press('Shift+Comma');
  await expect(page.getByLabel('Playback speed')).toHaveValue('0.75');

  await goTo(page, '3');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(async () => (await mediaState(page)).time).toBeCloseTo(8, 1);
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await mediaState(page)).time).toBeCloseTo(5, 1);
  await page.keyboard.press('ArrowUp');
  const [first] = await serverRegions(page, 'voices');
  await expect.poll(async () => (await mediaState(page)).time).toBeCloseTo(first!.start as number, 2);
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await mediaState(page)).time).toBeCloseTo(5, 1);
  await expect(page.getByTestId('audio-clock')).toHaveText('0:05.000');
  // J puts the cursor in "Go to time"; Enter goes there, and the keys belong to the page again after Escape.
  await page.keyboard.press('j');
  await expect(page.getByLabel('Go to time')).toBeFocused();
  await page.keyboard.type('0:04.5');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await mediaState(page)).time).toBeCloseTo(4.5, 2);
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Go to time')).not.toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await mediaState(page)).time).toBeCloseTo(5, 1);

  // L loops the selected segment (the music, 5–7 s, at 0.75×): the playhead wraps back to its start, again and
  // again, never running on past the end. The media time is read on every animation frame: a poll a second apart
  // can miss the 0.5 s the playhead spends near the end of each pass.
  await page.getByTestId('audio-media').evaluate((a: HTMLAudioElement) => {
    const seen: number[] = [];
    (window as unknown as { loopTimes: number[] }).loopTimes = seen;
    const sample = () => {
      seen.push(a.currentTime);
      requestAnimationFrame(sample);
    };
    sample();
  });
  const loopTimes = () => page.evaluate(() => (window as unknown as { loopTimes: number[] }).loopTimes);
  const wraps = (times: number[]) => times.filter((t, i) => i > 0 && times[i - 1]! > 6.6 && t < 5.6 && t >= 4.99).length;
  await page.keyboard.press('l');
  await expect(page.getByRole('button', { name: 'Loop' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => wraps(await loopTimes()), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  expect(Math.max(...(await loopTimes()))).toBeLessThan(7.25);
  expect((await mediaState(page)).paused).toBe(false);
  // The transcript list follows playback: the row being played is marked.
  await expect(rows(page).nth(1)).toHaveAttribute('data-current', 'true');
  await page.keyboard.press('l');
  await expect(page.getByRole('button', { name: 'Loop' })).toHaveAttribute('aria-pressed', 'false');
  // Loop off: playback runs on past the segment's end.
  await expect.poll(async () => (await mediaState(page)).time, { timeout: 10_000 }).toBeGreaterThan(7.2);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await mediaState(page)).paused).toBe(true);

  // G: the server draws the spectrogram of the part in view.
  await page.keyboard.press('g');
  const picture = page.getByTestId('spectrogram').locator('img');
  await expect
    .poll(() => picture.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBeGreaterThan(100);
  await shoot(page, 'audio-spectrogram');
  await page.keyboard.press('g');
  await expect(page.getByTestId('spectrogram')).toHaveCount(0);
});

test('a second tab on the same item gets the conflict flow', async () => {
  const other = await page.context().newPage();
  other.on('dialog', (d) => void d.accept());
  await other.goto(page.url());
  await expect(other.getByTestId('audio-waveform')).toHaveAttribute('data-ready', 'true');
  await expect(rows(other)).toHaveCount(2);
  await other.keyboard.press('Escape');
  await other.keyboard.press('3');
  await dragOn(other, 0.85, 0.95);
  await expect(rows(other)).toHaveCount(3);
  await saved(other);

  await page.keyboard.press('Escape');
  await page.keyboard.press('3');
  await dragOn(page, 0.75, 0.8);
  await expect(page.getByText('Someone else changed this item while you had it open.')).toBeVisible();
  await expect(page.getByTestId('save-status')).toHaveText('Not saved: changed elsewhere');
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByText('You have labels that were not saved')).toBeVisible();
  await page.getByRole('button', { name: 'Use my labels' }).click();
  await saved(page);
  await expect(rows(page)).toHaveCount(3);
  await other.close();
});

test('an empty transcript holds back the submit until it is filled or marked intentional', async () => {
  await page.keyboard.press('Escape');
  await page.keyboard.press('1');
  // Past every segment so far, whichever recording the queue gave (10 or 14 s): a drag on a segment moves it.
  await dragOn(page, 0.84, 0.94);
  await expect(rows(page)).toHaveCount(4);
  const fresh = rows(page).nth(3);
  // K types the new segment's speaker, Escape leaves the box, N marks its empty transcript intentional.
  await page.keyboard.press('k');
  await expect(fresh.getByPlaceholder('Speaker')).toBeFocused();
  await page.keyboard.type('bea');
  await page.keyboard.press('Escape');
  await expect(fresh.getByPlaceholder('Speaker')).toHaveValue('bea');
  await expect(fresh).toContainText('has no transcript');
  await expect(page.getByRole('button', { name: 'Submit' })).toBeDisabled();
  await page.keyboard.press('n');
  await expect(fresh.getByLabel('Intentional')).toBeChecked();
  await expect(page.getByRole('button', { name: 'Submit' })).toBeEnabled();
  await page.keyboard.press('n');
  await expect(page.getByRole('button', { name: 'Submit' })).toBeDisabled();
  await fresh.getByLabel('Intentional').check();
  await expect(page.getByRole('button', { name: 'Submit' })).toBeEnabled();
  await saved(page);
  const first = page.url();
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page).not.toHaveURL(first);
});

test('the reviewer hears the submitted item read-only, a click on a segment selects it', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
  const reviewer = await context.newPage();
  await signIn(reviewer, USERS.reviewer);
  await reviewer.goto('/projects/voices/work');
  await reviewer.getByRole('button', { name: 'Start reviewing' }).click();
  await expect(reviewer.getByTestId('audio-review')).toBeVisible();
  await expect(reviewer.getByTestId('audio-waveform')).toHaveAttribute('data-ready', 'true');
  await expect(rows(reviewer)).toHaveCount(4);
  await expect(
    rows(reviewer)
      .first()
      .getByRole('textbox', { name: /Transcript/ }),
  ).toHaveJSProperty('readOnly', true);
  const region = reviewer.locator('[data-testid="audio-waveform"] >> css=[data-segment-id]').first();
  await region.click();
  await expect(reviewer.getByTestId('audio-review')).toHaveAttribute('data-selected-region', /.+/);
  await shoot(reviewer, 'audio-review');
  await context.close();
});
