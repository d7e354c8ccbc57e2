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

// On classes and attributes the test above leaves alone, so it holds whichever version is published: the other
// operations recorded in the changes panel, shown in the dry run, then the published version
// compared with the saved draft from the version history.
test('move, attribute changes and a value mapping in the editor, the dry run, and a diff of two versions', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, USERS.lead);
  await page.goto('/projects/pilot/taxonomy');
  const changes = page.getByRole('region', { name: 'Changes to existing labels' });
  const form = changes.getByRole('form', { name: 'Change a class' });
  const add = () => form.getByRole('button', { name: 'Add change' }).click();

  await form.getByRole('radio', { name: 'Move', exact: true }).click();
  await form.getByRole('combobox', { name: 'Class' }).selectOption({ label: 'Music' });
  await form.getByRole('combobox', { name: 'Move under' }).selectOption({ label: 'Noise' });
  await add();

  await form.getByRole('radio', { name: 'Add attribute' }).click();
  await form.getByRole('combobox', { name: 'Class' }).selectOption({ label: 'Scene change' });
  await form.getByRole('textbox', { name: 'Attribute name' }).fill('Cut type');
  await form.getByRole('textbox', { name: 'Options (comma separated)' }).fill('hard, fade');
  await form.getByRole('combobox', { name: 'Default' }).selectOption('hard');
  await add();

  await form.getByRole('radio', { name: 'Remove attribute' }).click();
  await form.getByRole('combobox', { name: 'Class' }).selectOption({ label: 'Noise' });
  await form.getByRole('combobox', { name: 'Attribute' }).selectOption({ label: 'Loudness (dB)' });
  await add();

  await form.getByRole('radio', { name: 'Rename attribute' }).click();
  // Cars carry labels on the pilot (named Automobile once the test above ran): by id.
  await form.getByRole('combobox', { name: 'Class' }).selectOption('car');
  await form.getByRole('combobox', { name: 'Attribute' }).selectOption({ label: 'Make' });
  await form.getByRole('textbox', { name: 'New attribute name' }).fill('Brand');
  await add();

  await form.getByRole('radio', { name: 'Map values' }).click();
  await form.getByRole('combobox', { name: 'Class' }).selectOption({ label: 'Lane marking' });
  await form.getByRole('combobox', { name: 'Attribute' }).selectOption({ label: 'Style' });
  await form.getByRole('textbox', { name: 'New value for double' }).fill('solid');
  await form.getByRole('checkbox', { name: 'Clear dashed' }).check();
  await shoot(page, 'taxonomy-migration-map-values');
  await add();

  const described = [
    'Move Music under Noise',
    'Add cut-type to Scene change (default "hard")',
    'Remove loudness from Noise',
    /Rename (Car|Automobile)'s make to “Brand”/,
    "Map Lane marking's style: dashed → (cleared), double → solid",
  ];
  await expect(changes.getByRole('list', { name: 'Changes to existing labels' }).getByRole('listitem')).toHaveText(described);
  // The working copy follows: the attribute rows show the new and renamed attributes, not the removed one.
  await expect(page.getByTestId('class-scene_change')).toContainText('Cut type');
  await expect(page.getByTestId('class-noise')).not.toContainText('Loudness');

  await page.getByRole('button', { name: 'Save draft' }).click();
  const rows = changes.getByTestId('migration-impact').getByRole('table', { name: 'Dry run' }).getByRole('row');
  await expect(rows).toHaveCount(described.length + 1);
  for (const [i, text] of described.entries())
    await expect(
      rows
        .nth(i + 1)
        .getByRole('cell')
        .first(),
    ).toHaveText(text);
  await expect(changes.getByTestId('migration-impact')).not.toContainText('Fix these before publishing');
  // The renamed attribute's class has labels: the dry run counts them (the audio and video classes have none here).
  await expect(rows.nth(4).getByRole('cell').nth(1)).toHaveText(/^[1-9][\d,]*$/);
  await shoot(page, 'taxonomy-migration-other-operations');

  // The version history compares the one before the newest (the published version) with the newest (the draft).
  await page.getByRole('group', { name: 'Compare versions' }).getByRole('link', { name: 'Compare' }).click();
  await expect(page).toHaveURL(/\/taxonomy\/versions\/\d+\/diff\/\d+$/);
  const classes = page.getByRole('table', { name: 'Class differences' });
  await expect(classes.getByTestId('diff-class-music')).toContainText('changed');
  await expect(classes).toContainText('Noise');
  await expect(classes).toContainText('Cut type (enum): hard, fade');
  await expect(classes).toContainText('Brand (text)');
  const recorded = page.getByRole('region', { name: 'Recorded changes to labels' });
  await expect(recorded.getByRole('listitem')).toHaveText(described);
  await shoot(page, 'taxonomy-version-diff');
});
