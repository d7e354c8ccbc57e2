import { expect, test } from '@playwright/test';
import { QUEUE_NAMES } from '../lib/schemas/ops';
import { shoot, signIn, USERS } from './support';

test('a site admin watches the queues live and runs a health check through a worker', async ({ page }) => {
  await signIn(page, USERS.admin);
  await page.getByRole('link', { name: 'Ops' }).click();
  await page.waitForURL('**/ops');

  for (const queue of QUEUE_NAMES) await expect(page.getByTestId(`queue-${queue}`)).toBeVisible();
  await expect(page.getByTestId('live-indicator')).toContainText('Live');

  await page.getByRole('button', { name: 'Run health check' }).click();
  await expect(page.getByTestId('health-result')).toContainText(/Round trip \d+ ms/, { timeout: 20_000 });
  await shoot(page, 'ops');
});
