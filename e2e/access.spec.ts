import { expect, test } from '@playwright/test';
import { shoot, signIn, USERS } from './support';

test.describe('an annotator', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, USERS.annotator);
  });

  test("cannot see another team's project, in the UI or the API", async ({ page }) => {
    await expect(page.getByRole('link', { name: 'Street scenes demo' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Other team' })).toHaveCount(0);

    const response = await page.goto('/projects/other');
    expect(response?.status()).toBe(404);
    await expect(page.getByText('This project does not exist')).toBeVisible();
    await shoot(page, 'not-found-project');

    const api = await page.request.get('/api/v1/projects/other');
    expect(api.status()).toBe(404);
    expect((await page.request.get('/api/v1/projects/other/taxonomy')).status()).toBe(404);
  });

  test('sees the taxonomy read-only and is refused a draft save', async ({ page }) => {
    await page.goto('/projects/demo/taxonomy');
    await expect(page.getByText('Read-only: your role (Annotator)')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Classes' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save draft' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await shoot(page, 'taxonomy-read-only');

    const put = await page.request.put('/api/v1/projects/demo/taxonomy/draft', {
      data: { definition: { classes: [] }, baseUpdatedAt: null },
    });
    expect(put.status()).toBe(403);
    expect(put.headers()['content-type']).toContain('application/problem+json');
  });

  test('has no ops dashboard', async ({ page }) => {
    await expect(page.getByRole('link', { name: 'Ops' })).toHaveCount(0);
    await page.goto('/ops');
    await expect(page.getByText('Site admins only')).toBeVisible();
    expect((await page.request.get('/api/v1/ops/queues')).status()).toBe(403);
  });

  test('sees members but cannot manage them', async ({ page }) => {
    await page.goto('/projects/demo/members');
    await expect(page.getByTestId(`member-${USERS.annotator}`)).toContainText('(you)');
    await expect(page.getByRole('button', { name: 'Invite', exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Remove' })).toHaveCount(0);
    await expect(page.getByRole('combobox')).toHaveCount(0);
  });
});
