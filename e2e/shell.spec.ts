import { expect, test } from '@playwright/test';
import { shoot, signIn, unique, USERS } from './support';

test('signed-out visitors are sent to sign in, and a wrong password is explained', async ({ page }) => {
  await page.goto('/projects/demo');
  await page.waitForURL('**/signin');
  await page.getByLabel('Email').fill(USERS.admin);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Wrong email or password')).toBeVisible();
  await shoot(page, 'signin-error');
});

test('repeated failures are rate limited with a wait time', async ({ page }) => {
  const email = `${unique('nobody')}@loupe.test`;
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('wrong-password');
  const message = page.locator('form').getByRole('alert');
  for (let attempt = 0; attempt < 15; attempt++) {
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(message).toBeVisible();
    if ((await message.innerText()).startsWith('Too many attempts')) break;
  }
  await expect(message).toHaveText(/Too many attempts, try again in \d+ minutes?\./);
});

test('the API reference lists every group with its operations', async ({ page }) => {
  await signIn(page, USERS.lead);
  await page.getByRole('link', { name: 'API docs' }).click();
  await expect(page.getByRole('heading', { name: 'Authentication' })).toBeVisible();
  for (const tag of ['Projects', 'Members', 'Taxonomy', 'Workflow']) {
    await expect(page.getByRole('heading', { name: tag, exact: true })).toBeVisible();
  }
  const draft = page.locator('#saveTaxonomyDraft');
  await expect(draft).toContainText('/projects/{projectId}/taxonomy/draft');
  await expect(draft).toContainText('baseUpdatedAt');
  // HEAD operations are listed too (tus clients ask an upload's offset with one).
  await expect(page.locator('#getUploadOffset')).toContainText(/head/i);
  await shoot(page, 'api-docs');
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, USERS.lead);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL('**/signin');
  await page.goto('/projects');
  await page.waitForURL('**/signin');
  await shoot(page, 'signin');
});
