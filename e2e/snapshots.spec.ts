import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { unzipText } from '../tests/unzip-text';
import { shoot, signIn, USERS } from './support';

// Snapshots on the seeded pilot project (eight weeks of finished double labeling): a data lead makes a
// version of every finished item, reads its counts and lineage, exports COCO with the media and
// downloads a zip that an independent reader opens, expires the file and rebuilds the same bytes;
// bad input is refused; a reviewer has no access.
test.describe.configure({ mode: 'serial' });

test('a data lead makes a snapshot, exports it and downloads the zip', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, USERS.lead);
  await page.goto('/projects/pilot');
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Snapshots' }).click();
  await expect(page.getByText('No snapshots yet')).toBeVisible();
  await shoot(page, 'snapshots-empty');

  await page.getByRole('button', { name: 'New snapshot' }).click();
  const form = page.getByRole('form', { name: 'New snapshot' });
  await test.step('bad input: a split that does not add up, a missing name, accepted items where there are none', async () => {
    await form.getByLabel('Train %').fill('70');
    await expect(form.getByText('The split adds up to 90 %, not 100 %.')).toBeVisible();
    await expect(form.getByRole('button', { name: 'Make snapshot' })).toBeDisabled();
    await form.getByLabel('Train %').fill('80');
    await form.getByRole('button', { name: 'Make snapshot' }).click();
    await expect(form.getByText('give the snapshot a name')).toBeVisible();
    await form.getByLabel('Name').fill('Pilot, every finished item');
    // The pilot's items went through an overlap pass without review: none is "accepted".
    await form.getByRole('button', { name: 'Make snapshot' }).click();
    await expect(form.getByText(/No finished item matches this filter/)).toBeVisible();
    await form.getByLabel('Finished from').fill('2026-11-10');
    await form.getByLabel('Finished before').fill('2026-11-05');
    await form.getByRole('button', { name: 'Make snapshot' }).click();
    await expect(form.getByRole('alert').filter({ hasText: 'the end must be after the start' })).toBeVisible();
    await shoot(page, 'snapshot-form-filters');
    await form.getByLabel('Finished from').fill('');
    await form.getByLabel('Finished before').fill('');
  });

  await form.getByLabel('Every finished item').check();
  await form.getByRole('checkbox', { name: 'Images', exact: true }).check();
  await form
    .getByRole('group', { name: /Import batches/ })
    .getByRole('checkbox', { name: /Pilot images/ })
    .check();
  await form.getByLabel('Stratify by class').check();
  await form.getByRole('button', { name: 'Make snapshot' }).click();
  await page.waitForURL(/\/projects\/pilot\/snapshots\/1$/);
  const facts = page.getByTestId('snapshot-facts');
  await expect(facts).toContainText(/train \d+ · val \d+ · test \d+/);
  await expect(facts).toContainText('version 1 (pinned)');
  await expect(facts).toContainText('every finished item · image only · from 1 import batch');
  await expect(page.getByTestId('class-split-chart')).toContainText('Pedestrian');

  await page.getByLabel('Format').selectOption('coco');
  await page.getByLabel('Include the media files').check();
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const row = page.getByTestId('export-row').first();
  await expect(row).toContainText('COCO');
  await expect(row.getByRole('link', { name: 'Download' })).toBeVisible({ timeout: 60_000 });
  await shoot(page, 'snapshot-detail');

  const href = (await row.getByRole('link', { name: 'Download' }).getAttribute('href'))!;
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toMatch(/attachment; .*pilot-v1-coco-media\.zip/);
  const files = await unzipText(await response.body());
  const names = Object.keys(files);
  expect(names).toContain('manifest.json');
  expect(names.at(-1)).toBe('checksums.sha256');
  const train = JSON.parse(files['coco/train.json']!) as { images: { file_name: string }[]; annotations: unknown[] };
  expect(train.images.length).toBeGreaterThan(0);
  expect(train.annotations.length).toBeGreaterThan(train.images.length);
  expect(names).toContain(`coco/images/${train.images[0]!.file_name}`);

  await test.step('expire the file, then rebuild it: the same bytes', async () => {
    const sha256 = createHash('sha256')
      .update(await response.body())
      .digest('hex');
    await row.getByRole('button', { name: 'Expire' }).click();
    await expect(row).toHaveAttribute('data-status', 'EXPIRED');
    await expect(row).toContainText('expired');
    await expect(row).toContainText(/File removed .*a rebuild gives the same/);
    await expect(row).toContainText(`sha256 ${sha256.slice(0, 12)}`);
    await expect(row.getByRole('link', { name: 'Download' })).toHaveCount(0);
    await shoot(page, 'snapshot-export-expired');
    expect((await page.request.get(href)).status()).toBe(409);

    await row.getByRole('button', { name: 'Rebuild' }).click();
    await expect(row.getByRole('link', { name: 'Download' })).toBeVisible({ timeout: 60_000 });
    const rebuilt = await page.request.get(href);
    expect(rebuilt.status()).toBe(200);
    expect(
      createHash('sha256')
        .update(await rebuilt.body())
        .digest('hex'),
    ).toBe(sha256);
  });

  await page.goto('/projects/pilot/snapshots');
  await expect(page.getByRole('table', { name: 'Snapshots' })).toContainText('Pilot, every finished item');

  await test.step('a second version with another seed: the same items, some in another split', async () => {
    await page.getByRole('button', { name: 'New snapshot' }).click();
    const second = page.getByRole('form', { name: 'New snapshot' });
    await second.getByLabel('Name').fill('Pilot, reseeded');
    await second.getByLabel('Every finished item').check();
    await second.getByLabel('Seed').fill('another seed');
    await second.getByRole('button', { name: 'Make snapshot' }).click();
    await page.waitForURL(/\/projects\/pilot\/snapshots\/2$/);
    const diff = page.getByTestId('snapshot-diff');
    await expect(page.getByLabel('Compared with')).toHaveValue('1');
    await expect(diff.getByText('Added')).toBeVisible();
    await expect(diff).toContainText(/Added0Removed0Relabeled0Other split[1-9]\d*/);
    await shoot(page, 'snapshot-diff');
  });

  await page.goto('/projects/pilot/snapshots');
  await expect(page.getByRole('table', { name: 'Snapshots' }).getByRole('row')).toHaveCount(3);
  await shoot(page, 'snapshots-list');
});

test('a reviewer has no snapshots tab, and the page is not found', async ({ page }) => {
  await signIn(page, USERS.reviewer);
  await page.goto('/projects/streets');
  await expect(page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Work', exact: true })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Snapshots' })).toHaveCount(0);
  const response = await page.goto('/projects/streets/snapshots');
  expect(response?.status()).toBe(404);
});
