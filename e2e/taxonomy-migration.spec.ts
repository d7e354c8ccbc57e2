import { expect, test } from '@playwright/test';
import { shoot, signIn, USERS } from './support';

// On the seeded pilot (eight weeks of double labeling, every task done): a data lead
// renames, merges and splits classes as changes to existing labels, reads the dry run, publishes,
// watches the labels move, and decides an item the split left for a person.

test('rename + merge + split in the editor, dry run, publish, progress, and a re-review decision', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, USERS.lead);
  await page.goto('/projects/pilot/taxonomy');
  const changes = page.getByRole('region', { name: 'Changes to existing labels' });
  await expect(changes).toContainText('No changes to existing labels');
  await shoot(page, 'taxonomy-migration-empty');

  const form = changes.getByRole('form', { name: 'Change a class' });
  await form.getByRole('combobox', { name: 'Class' }).selectOption({ label: 'Car' });
  await form.getByRole('textbox', { name: 'New name' }).fill('Automobile');
  await form.getByRole('button', { name: 'Add change' }).click();

  await form.getByRole('radio', { name: 'Merge' }).click();
  await form.getByRole('checkbox', { name: 'Pedestrian' }).check();
  await form.getByRole('checkbox', { name: 'Cyclist' }).check();
  await form.getByRole('textbox', { name: 'Merge into (a name)' }).fill('Road user');
  await form.getByRole('button', { name: 'Add change' }).click();

  await form.getByRole('radio', { name: 'Split' }).click();
  await form.getByRole('combobox', { name: 'Class' }).selectOption({ label: 'Traffic light' });
  await form.getByRole('textbox', { name: 'Split into (names, comma separated)' }).fill('Vehicle light, Walk signal');
  await form.getByRole('button', { name: 'Add change' }).click();

  const list = changes.getByRole('list', { name: 'Changes to existing labels' });
  await expect(list.getByRole('listitem')).toHaveText([
    'Rename Car to “Automobile”',
    'Merge Pedestrian, Cyclist into Road user',
    'Split Traffic light into Vehicle light | Walk signal (each label needs a decision)',
  ]);
  await expect(page.getByTestId('class-road-user')).toBeVisible();
  await expect(page.getByTestId('class-pedestrian')).toHaveCount(0);
  await expect(changes).toContainText('Save the draft to see what publishing it would do');

  await page.getByRole('button', { name: 'Save draft' }).click();
  const impact = changes.getByTestId('migration-impact');
  await expect(impact).toContainText('annotations from version 1 to version 2');
  const rows = impact.getByRole('table', { name: 'Dry run' }).getByRole('row');
  await expect(rows).toHaveCount(4);
  // The pilot's items are full of cars, people and lights: each change touches labels and their tasks.
  for (const row of (await rows.all()).slice(1)) {
    await expect(row.getByRole('cell').nth(1)).toHaveText(/^[1-9][\d,]*$/);
    await expect(row.getByRole('cell').nth(3)).toContainText('done:');
  }
  await shoot(page, 'taxonomy-migration-dry-run');

  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('moved to it in the background');
  await dialog.getByRole('button', { name: 'Publish version 2' }).click();
  await expect(page.getByTestId('published-status')).toContainText('version 2');

  const progress = page.getByTestId('migration-progress');
  await expect(progress).toContainText('Labels from version 1 to 2');
  await expect(progress).toContainText(/done .*moved/, { timeout: 60_000 });
  await expect(progress).toContainText('waiting for a decision');
  await shoot(page, 'taxonomy-migration-done');

  const queue = page.getByRole('region', { name: 'Re-review after migration' });
  const waiting = Number((/· (\d+) waiting/.exec(await queue.getByRole('heading').innerText()) ?? [])[1]);
  expect(waiting).toBeGreaterThan(0);
  const first = queue.getByRole('listitem').first();
  for (const select of await first.getByRole('combobox').all()) await select.selectOption({ label: 'Walk signal' });
  await shoot(page, 'taxonomy-migration-re-review');
  await first.getByRole('button', { name: 'Decide' }).click();
  await expect(queue.getByRole('heading')).toContainText(`· ${waiting - 1} waiting`);
});
