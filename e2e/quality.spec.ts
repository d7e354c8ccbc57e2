import { expect, test } from '@playwright/test';
import { shoot, signIn, USERS } from './support';

// The quality page on the seeded pilot: eight weeks of double labeling by four simulated annotators,
// with Sam drifting from week 6 and busier scenes from week 7 (prisma/seed-pilot.ts). The workers
// compute the report on the first visit.
test.describe.configure({ mode: 'serial' });

const REPORT_MS = 60_000;

test('a data lead reads the agreement figures and the drift alerts', async ({ page }) => {
  await signIn(page, USERS.lead);
  await page.goto('/projects/pilot');
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Quality' }).click();
  await expect(page.getByTestId('summary-cards')).toBeVisible({ timeout: REPORT_MS });
  await expect(page.getByTestId('alpha-regions')).toHaveText(/^α 0\.\d\d$/);
  await expect(page.getByTestId('computed-at')).toContainText('from 96 items');
  const alerts = page.getByTestId('quality-alerts');
  await expect(alerts).toContainText('Agreement fell to α');
  await expect(alerts).toContainText('Jensen–Shannon distance');
  await expect(page.getByTestId('label-chart')).toContainText('Traffic light');
  await expect(page.getByTestId('pair-heatmap').getByRole('button')).toHaveCount(12);
  await expect(page.getByTestId('confusion-matrix')).toContainText('no region');
  await expect(page.getByTestId('weekly-chart').locator('.recharts-line')).toHaveCount(1);
  await shoot(page, 'quality-report');
});

test('a drill-down from a pair opens a disagreeing item with both annotators’ boxes', async ({ page }) => {
  await signIn(page, USERS.lead);
  await page.goto('/projects/pilot/quality');
  await page
    .getByTestId('pair-heatmap')
    .getByTitle(/^Kim Careful × Sam Drifting/)
    .click();
  await expect(page.getByTestId('item-filter')).toContainText('Kim Careful × Sam Drifting');
  const items = page.getByTestId('quality-items');
  const first = items.getByRole('link').first();
  await expect(first).toBeVisible();
  await expect(items.getByRole('row').nth(1)).toContainText('Kim Careful');
  await expect(items.getByRole('row').nth(1)).toContainText('Sam Drifting');
  await first.click();
  await expect(page.getByTestId('compared-asset')).toHaveText(/^pilot-/);
  await expect(page.getByTestId('compared-image')).toBeVisible();
  await expect(
    page
      .getByTestId('pair-unit')
      .filter({ hasText: /class differs|only / })
      .first(),
  ).toBeVisible();
  // The overlay draws both annotators' boxes, the second dashed.
  await expect(page.locator('svg rect[stroke-dasharray]').first()).toBeAttached();
  await page
    .getByTestId('pair-unit')
    .filter({ hasText: /class differs|only / })
    .first()
    .hover();
  await shoot(page, 'quality-comparison');
});

test('the worst items go to the experts with a reason', async ({ page, browser }) => {
  await signIn(page, USERS.lead);
  await page.goto('/projects/pilot/quality');
  const items = page.getByTestId('quality-items');
  await items.getByRole('button', { name: 'Select the 10 worst' }).click();
  await items.getByRole('button', { name: 'Send 10 to experts' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Send to experts' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Say why');
  await dialog.getByLabel('Reason').fill('lowest agreement in the pilot');
  await dialog.getByRole('button', { name: 'Send to experts' }).click();
  await expect(items).toContainText('10 sent to the experts.');
  await expect(items.getByText('with the experts')).toHaveCount(10);

  // The owner, an expert of the pilot, finds them in the adjudication queue.
  const context = await browser.newContext();
  const owner = await context.newPage();
  await signIn(owner, USERS.admin);
  await owner.goto('/projects/pilot/work');
  await expect(owner.getByTestId('waiting-Experts')).toContainText('10');
  await context.close();
});

test('the settings are validated and saving recomputes', async ({ page }) => {
  await signIn(page, USERS.lead);
  await page.goto('/projects/pilot/quality');
  const form = page.getByRole('form', { name: 'Quality settings' });
  await form.getByLabel('Match at IoU ≥').fill('3');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('alert').first()).toBeVisible();
  await form.getByLabel('Match at IoU ≥').fill('0.6');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form).toContainText('Saved.');
  await expect(form.getByLabel('Match at IoU ≥')).toHaveValue('0.6');
});

test('without double labeling the page says how to start; reviewers have no quality page', async ({ page, browser }) => {
  await signIn(page, USERS.lead);
  await page.goto('/projects/demo/quality');
  await expect(page.getByText('Nothing to compare yet')).toBeVisible();
  await shoot(page, 'quality-empty');

  const context = await browser.newContext();
  const reviewer = await context.newPage();
  await signIn(reviewer, USERS.reviewer);
  await reviewer.goto('/projects/demo');
  const tabs = reviewer.getByRole('navigation', { name: 'Project' });
  await expect(tabs.getByRole('link', { name: 'Queues' })).toBeVisible();
  await expect(tabs.getByRole('link', { name: 'Quality' })).toHaveCount(0);
  const response = await reviewer.goto('/projects/demo/quality');
  expect(response?.status()).toBe(404);
  await context.close();
});
