import { expect, test, type Page } from '@playwright/test';
import { shoot, signIn, USERS } from './support';

async function publishedVersion(page: Page): Promise<number> {
  const text = await page.getByTestId('published-status').innerText();
  return Number(/version (\d+)/.exec(text)?.[1] ?? 0);
}

test('a data lead adds a class with an enum attribute, saves, publishes, and finds the version read-only', async ({ page }) => {
  await signIn(page, USERS.lead);
  await page.goto('/projects/demo/taxonomy');
  await expect(page.getByTestId('published-status')).toContainText('version');
  const before = await publishedVersion(page);

  await page.getByLabel('Add class name').fill('Road sign');
  await page.getByRole('button', { name: 'Add class' }).click();
  const sign = page.getByTestId('class-road-sign');
  await expect(sign).toContainText('id: road-sign');
  await sign.getByLabel('Hotkey of Road sign').fill('r');

  await sign.getByLabel('Add attribute name').fill('Shape');
  await sign.getByRole('button', { name: 'Add attribute' }).click();
  const shape = sign.getByTestId('attribute-shape');
  await shape.getByLabel('Attribute type').selectOption('enum');

  // An enum without options is refused next to the field, before any request.
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(shape.getByRole('alert')).toContainText('needs options');
  await shape.getByLabel('Options').fill('circle, triangle, octagon');
  await shape.getByRole('checkbox', { name: 'required' }).check();

  // Renaming keeps the stable id chosen at creation.
  await sign.getByLabel('Class name').fill('Traffic sign');
  await expect(sign).toContainText('id: road-sign');

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByTestId('draft-status')).toContainText(`Draft of version ${before + 1}`);
  await expect(page.getByTestId('draft-status')).not.toContainText('Unsaved changes');
  await shoot(page, 'taxonomy-editor');

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Version ${before + 1} becomes immutable`);
  await dialog.getByRole('button', { name: `Publish version ${before + 1}` }).click();
  await expect(page.getByTestId('published-status')).toContainText(`version ${before + 1}`);

  await page
    .getByRole('list', { name: 'Versions' })
    .getByRole('link', { name: new RegExp(`^v${before + 1}\\b`) })
    .click();
  await page.waitForURL(`**/projects/demo/taxonomy/versions/${before + 1}`);
  await expect(page.getByText('published · read-only')).toBeVisible();
  const row = page.getByTestId('view-class-road-sign');
  await expect(row).toContainText('Traffic sign');
  await expect(row).toContainText('circle, triangle, octagon');
  await expect(page.getByRole('textbox')).toHaveCount(0);
  await shoot(page, 'taxonomy-version');
});

test('a stale draft is never overwritten: the second editor is told to reload', async ({ page, browser }) => {
  await signIn(page, USERS.lead);
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signIn(other, USERS.admin);

  await page.goto('/projects/demo/taxonomy');
  await other.goto('/projects/demo/taxonomy');
  await expect(page.getByTestId('draft-status')).toBeVisible();
  await expect(other.getByTestId('draft-status')).toBeVisible();

  await other.getByLabel('Add class name').fill('Bollard');
  await other.getByRole('button', { name: 'Add class' }).click();
  await other.getByRole('button', { name: 'Save draft' }).click();
  await expect(other.getByTestId('draft-status')).not.toContainText('Unsaved changes');

  await page.getByLabel('Add class name').fill('Kerb');
  await page.getByRole('button', { name: 'Add class' }).click();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Someone else changed the draft — reload to see their version')).toBeVisible();
  await shoot(page, 'taxonomy-conflict');

  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByTestId('class-bollard')).toBeVisible();
  await expect(page.getByTestId('class-kerb')).toHaveCount(0);
  await otherContext.close();
});
