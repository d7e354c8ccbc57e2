import { expect, test } from '@playwright/test';
import { shoot, signIn, unique, USERS } from './support';

test('an API token works with curl-style calls until it is revoked', async ({ page, request }) => {
  await signIn(page, USERS.reviewer);
  await page.getByRole('link', { name: 'API tokens' }).click();
  await page.waitForURL('**/settings/tokens');

  const name = unique('nightly-export');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Expires after (days)').fill('30');
  await page.getByRole('button', { name: 'Create token' }).click();

  const created = page.getByTestId('new-token');
  await expect(created).toContainText('only time its secret is shown');
  const secret = await created.getByLabel('Token secret').inputValue();
  expect(secret.length).toBeGreaterThan(20);
  await expect(created.getByLabel('curl example')).toHaveValue(new RegExp(`Authorization: Bearer ${secret}".*/api/v1/projects$`));
  await expect(page.getByTestId(`token-${name}`)).toContainText(secret.slice(0, 8));
  await shoot(page, 'tokens');

  // `request` carries no session cookie: only the token authenticates.
  const auth = { Authorization: `Bearer ${secret}` };
  const ok = await request.get('/api/v1/projects', { headers: auth });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).projects.map((p: { slug: string }) => p.slug)).toContain('demo');
  expect((await request.get('/api/v1/projects')).status()).toBe(401);

  await page.getByTestId(`token-${name}`).getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
  await expect(page.getByTestId(`token-${name}`)).toHaveCount(0);

  expect((await request.get('/api/v1/projects', { headers: auth })).status()).toBe(401);
});
