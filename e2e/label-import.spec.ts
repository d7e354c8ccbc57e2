import { expect, test } from '@playwright/test';
import { shoot, signIn, USERS } from './support';

// A data lead brings a detector's COCO output into the streets project: the check lists what would
// come in and every refusal, nothing is written until the import, which then reports what it wrote.

const coco = {
  images: [
    { id: 1, file_name: 'detections/streets-203.png', width: 1280, height: 800 },
    { id: 2, file_name: 'detections/not-here.png', width: 1280, height: 800 },
  ],
  annotations: [
    { id: 1, image_id: 1, category_id: 1, bbox: [128, 400, 256, 160], score: 0.91 },
    { id: 2, image_id: 1, category_id: 2, bbox: [10, 10, 40, 40] },
    { id: 3, image_id: 1, category_id: 1, bbox: [1200, 700, 200, 200] },
    { id: 4, image_id: 2, category_id: 1, bbox: [0, 0, 10, 10] },
  ],
  categories: [
    { id: 1, name: 'car' },
    { id: 2, name: 'dragon' },
  ],
};

test('a data lead checks a COCO file, reads the refusals, then imports it', async ({ page }) => {
  await signIn(page, USERS.lead);
  await page.goto('/projects/streets/import');
  const form = page.getByRole('form', { name: 'Import labels' });
  await form
    .getByLabel('Label file')
    .setInputFiles({ name: 'detector.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(coco)) });
  await expect(form.getByLabel('Format')).toHaveValue('coco');
  await form.getByLabel('Shown to annotators as').fill('street detector v3');
  await form.getByRole('button', { name: 'Check' }).click();

  const report = page.getByTestId('label-import-report');
  await expect(report).toContainText('1 of 2 items, 1 region would become suggestions.');
  const refused = report.getByRole('table', { name: 'Refused rows' });
  await expect(refused.getByRole('row', { name: /annotation 3/ })).toContainText('lies outside the 1280 × 800 image');
  await expect(refused.getByRole('row', { name: /annotation 2/ })).toContainText('the taxonomy has no class “dragon”');
  await expect(refused).toContainText('no asset of this project is named “not-here.png”');
  await shoot(page, 'label-import-check');

  await report.getByRole('button', { name: 'Import 1 item' }).click();
  await expect(report).toContainText('Imported 1 of 2 items, 1 region');
});
