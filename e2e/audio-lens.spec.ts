import { expect, test } from '@playwright/test';
import { editorPage, goTo, mediaState, serverRegions, shoot, USERS } from './support';

// The sample lens on the seeded five-minute recording (project lecture, 22,050 Hz): the waveform's
// zoom stops at 16 M px (~53,000 px/s here, ~2.4 px a sample: no sample stands alone); `=` past that
// zooms the sample view on as a lens until every sample gets its dot, the wheel zooms it too, and a
// segment's edge dragged there lands on a sample.
const RATE = 22_050;

test('zoom from the whole file down to single samples, and put a segment edge on a sample', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await editorPage(browser, USERS.annotator, 'lecture', 1);
  await page.goto('/projects/lecture/work');
  await page.getByRole('button', { name: 'Start labeling' }).click();
  const wave = page.getByTestId('audio-waveform');
  const strip = page.getByTestId('sample-view');
  await expect(wave).toHaveAttribute('data-ready', 'true');
  await expect.poll(async () => (await mediaState(page)).duration).toBeCloseTo(300, 0);

  // A speech segment from 100 to 101 s with I and O; the playhead stays on its end.
  await page.keyboard.press('1');
  await goTo(page, '100');
  await page.keyboard.press('i');
  await goTo(page, '101');
  await page.keyboard.press('o');
  await expect(page.getByTestId('segment-row')).toHaveCount(1);

  await test.step('= zooms the waveform to its widest, which stops short of single samples', async () => {
    const cap = 16_000_000 / 300;
    let last = 0;
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('=');
      await expect.poll(async () => Number(await wave.getAttribute('data-px-per-sec'))).not.toBe(last);
      last = Number(await wave.getAttribute('data-px-per-sec'));
      if (last >= cap * 0.999) break;
    }
    expect(last).toBeCloseTo(cap, -1);
    await expect(strip).toHaveAttribute('data-lens', 'false');
    await expect(strip).toHaveAttribute('data-kind', 'samples');
    await expect(strip).toHaveAttribute('data-dots', 'false');
    expect(Number(await strip.getAttribute('data-px-per-sample'))).toBeLessThan(3);
  });

  await test.step('= on past it: the lens, down to a dot per sample', async () => {
    const before = await wave.getAttribute('data-px-per-sec');
    await page.keyboard.press('=');
    await expect(strip).toHaveAttribute('data-lens', 'true');
    await page.keyboard.press('=');
    await expect(strip).toHaveAttribute('data-dots', 'true');
    // The waveform itself stayed where it was.
    await expect(wave).toHaveAttribute('data-px-per-sec', before!);
    expect(Number(await strip.getAttribute('data-px-per-sample'))).toBeGreaterThan(6);
    await expect(strip).toContainText('lens at 1:40.');
    await shoot(page, 'audio-lens');
  });

  await test.step('the wheel over the lens zooms it out and in again', async () => {
    const box = (await strip.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const deep = Number(await strip.getAttribute('data-px-per-sample'));
    await page.mouse.wheel(0, 100);
    await expect.poll(async () => Number(await strip.getAttribute('data-px-per-sample'))).toBeCloseTo(deep / 2, 1);
    await page.mouse.wheel(0, -100);
    await expect.poll(async () => Number(await strip.getAttribute('data-px-per-sample'))).toBeCloseTo(deep, 1);
  });

  await test.step('an edge dragged in the lens lands on a sample', async () => {
    const edge = page.locator('[data-testid="sample-edge"][data-side="end"]');
    const box = (await edge.boundingBox())!;
    const pxPerSample = Number(await strip.getAttribute('data-px-per-sample'));
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 3.4 * pxPerSample, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
    await expect
      .poll(async () => ((await serverRegions(page, 'lecture'))[0]!.end as number) * RATE)
      .toBeCloseTo(101 * RATE + 3, 1);
    // In the lens } and { move the end a sample at a time.
    await page.keyboard.press('}');
    await page.keyboard.press('}');
    await page.keyboard.press('{');
    await expect
      .poll(async () => ((await serverRegions(page, 'lecture'))[0]!.end as number) * RATE)
      .toBeCloseTo(101 * RATE + 4, 1);
  });

  await test.step('a click in the lens puts the playhead on a sample; 0 closes it', async () => {
    const box = (await strip.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height / 2);
    const t = (await mediaState(page)).time * RATE;
    expect(Math.abs(t - Math.round(t))).toBeLessThan(0.02);
    await page.keyboard.press('0');
    await expect(strip).toHaveCount(0);
  });
  await page.context().close();
});
