import { expect, test } from '@playwright/test';
import { shoot, signIn, unique, USERS } from './support';

test('an owner creates a project and invites a new person, who joins through the link', async ({ page, browser }) => {
  await signIn(page, USERS.admin);
  await shoot(page, 'projects');

  const slug = unique('e2e');
  await page.getByRole('button', { name: 'New project' }).click();
  await page.getByLabel('Name', { exact: true }).fill('Harbour cameras');
  await page.getByLabel('Slug (optional)').fill(slug);
  await page.getByLabel('Description (optional)').fill('Boats and buoys, day and night.');
  await page.getByRole('button', { name: 'Create project' }).click();

  await page.waitForURL(`**/projects/${slug}`);
  await expect(page.getByRole('heading', { name: 'Harbour cameras' })).toBeVisible();
  await expect(page.getByText('Boats and buoys, day and night.')).toBeVisible();
  await shoot(page, 'project-overview');

  await page.getByRole('link', { name: 'Members' }).first().click();
  await page.waitForURL(`**/projects/${slug}/members`);
  await expect(page.getByTestId(`member-${USERS.admin}`)).toContainText('(you)');

  const email = `${unique('newcomer')}@example.test`;
  await page.getByLabel('Email').fill(email);
  await page.getByRole('form', { name: 'Invite' }).getByRole('combobox').selectOption('ANNOTATOR');
  await page.getByRole('button', { name: 'Invite', exact: true }).click();

  const panel = page.getByTestId('accept-link');
  await expect(panel).toContainText('shown once');
  const link = await panel.getByLabel('Accept link').inputValue();
  expect(link).toMatch(/\/invite\/\S+$/);
  await expect(page.getByTestId(`invitation-${email}`)).toContainText('Annotator');
  await shoot(page, 'members-invited');

  // The newcomer has no session: a fresh browser context.
  const newcomer = await browser.newContext();
  const invited = await newcomer.newPage();
  await invited.goto(new URL(link).pathname);
  await expect(invited.getByText('You are invited to Harbour cameras as Annotator')).toBeVisible();
  await shoot(invited, 'invite-accept');

  await invited.getByLabel('Your name').fill('Nia Newcomer');
  await invited.getByLabel('Password').fill('short');
  await invited.getByRole('button', { name: 'Accept and create account' }).click();
  await expect(invited.getByText('use at least 10 characters')).toBeVisible();

  await invited.getByLabel('Password').fill('a-long-enough-password');
  await invited.getByRole('button', { name: 'Accept and create account' }).click();
  await invited.waitForURL(`**/projects/${slug}`);
  await expect(invited.getByRole('heading', { name: 'Harbour cameras' })).toBeVisible();
  await expect(invited.getByText('Annotator').first()).toBeVisible();
  await expect(invited.getByTestId('user-name')).toHaveText('Nia Newcomer');

  // The link was for one use.
  await invited.goto(new URL(link).pathname);
  await expect(invited.getByText('This invitation is not valid')).toBeVisible();
  await newcomer.close();

  await page.reload();
  await expect(page.getByTestId(`member-${email}`)).toContainText('Nia Newcomer');
  await expect(page.getByTestId(`invitation-${email}`)).toHaveCount(0);
});
