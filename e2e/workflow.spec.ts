import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import sharp from 'sharp';
import { labelWaiting, shoot, signIn, unique, USERS } from './support';

// The labeling workflow end to end, one browser context per person, on the demo project's seeded
// workflow (label → review → adjudicate, a task per READY asset). First a disagreement: the lead makes
// labeling double, queues one new image ahead of everything, the annotator and the reviewer label it
// differently and the lead adjudicates. Then the review loop on the annotator's next item: reject with
// a reason, rework with a diff, accept. The task shell claims the next item in the background, so
// after each submit the next item opens at once.
test.describe.configure({ mode: 'serial' });

const PIPELINE_MS = 90_000;
const SHELL_URL = /\/projects\/demo\/work\/[^/]+$/;
let lead: Page;
let annotator: Page;
let reviewer: Page;
const contexts: BrowserContext[] = [];

async function personPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test.beforeAll(async ({ browser }) => {
  lead = await personPage(browser, USERS.lead);
  annotator = await personPage(browser, USERS.annotator);
  reviewer = await personPage(browser, USERS.reviewer);
});

test.afterAll(async () => {
  for (const context of contexts) await context.close();
});

/** From the work page, start a queue and wait for the task shell's panel (its keys work from then on). */
async function start(page: Page, button: 'Start labeling' | 'Start reviewing' | 'Start adjudicating') {
  await page.goto('/projects/demo/work');
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL(SHELL_URL);
  await expect(page.getByTestId(/^(label|review|adjudicate)-panel$/)).toBeVisible();
}

/** The item the shell claims ahead while this one is open. */
function prefetchedId(page: Page): Promise<string | null> {
  return page
    .waitForResponse((r) => r.url().includes('/claim?exclude=') && r.ok())
    .then(
      async (r) => ((await r.json()) as { assignment: { assignment: { id: string } } | null }).assignment?.assignment.id ?? null,
    );
}

async function pick(page: Page, key: string, className: string) {
  await page.keyboard.press(key);
  await expect(page.getByRole('button', { name: new RegExp(className) })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
}

async function expectQueueEmpty(page: Page) {
  await expect(page.getByRole('heading', { name: 'Queue empty' })).toBeVisible();
}

/** A new image in its own import batch, READY (it has no task: the lead turned automatic tasks off). */
async function uploadImage(name: string): Promise<string> {
  const overlay = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320"><text x="20" y="180" font-size="40">${name}</text></svg>`;
  const png = await sharp({ create: { width: 480, height: 320, channels: 3, background: '#fde68a' } })
    .composite([{ input: Buffer.from(overlay) }])
    .png()
    .toBuffer();
  const batch = await lead.request.post('/api/v1/projects/demo/imports', { data: { source: 'UPLOAD', label: name } });
  expect(batch.status(), await batch.text()).toBe(201);
  const batchId = ((await batch.json()) as { id: string }).id;
  const put = await lead.request.put(`/api/v1/projects/demo/imports/${batchId}/files?name=${name}`, {
    data: png,
    headers: { 'content-type': 'application/octet-stream' },
  });
  expect(put.status(), await put.text()).toBe(201);
  await expect
    .poll(
      async () => {
        const res = await lead.request.get(`/api/v1/projects/demo/assets?batchId=${batchId}&stage=READY`);
        return ((await res.json()) as { items: unknown[] }).items.length;
      },
      { timeout: PIPELINE_MS },
    )
    .toBe(1);
  return batchId;
}

test('two labelers disagree on a new image and the lead adjudicates', async () => {
  test.setTimeout(4 * 60_000);
  // The story needs a few seeded items waiting in the label pass (the workers make them READY).
  await expect.poll(() => labelWaiting(lead, 'demo'), { timeout: PIPELINE_MS }).toBeGreaterThanOrEqual(6);
  const name = `${unique('wf')}.png`;

  await test.step('the lead makes labeling double and stops automatic tasks; a missing name is shown at its field', async () => {
    await lead.goto('/projects/demo/workflow');
    const review = lead.getByTestId('pass-1');
    await review.getByLabel('Name').fill('');
    await lead.getByRole('button', { name: 'Save workflow' }).click();
    await expect(review.getByRole('alert')).toHaveText('a pass needs a name');
    await shoot(lead, 'workflow-errors');
    await review.getByLabel('Name').fill('Review');
    await lead.getByTestId('pass-0').getByLabel('Overlap').fill('2');
    await lead.getByLabel('Create a task in the first pass for every asset that becomes READY').uncheck();
    await lead.getByRole('button', { name: 'Save workflow' }).click();
    await expect(lead.getByText('Workflow saved.')).toBeVisible();
    await shoot(lead, 'workflow-editor');
  });

  await test.step('the lead queues a new image ahead of everything from its import batch', async () => {
    const batchId = await uploadImage(name);
    await lead.goto('/projects/demo/workflow');
    await lead.getByRole('radio', { name: 'An import batch' }).check();
    await lead.getByLabel('Which import batch').selectOption(batchId);
    await lead.getByLabel('Priority').fill('100');
    await lead.getByRole('button', { name: 'Create tasks' }).click();
    await expect(lead.getByTestId('create-tasks-result')).toHaveText('1 created, 0 skipped');
    await shoot(lead, 'create-tasks');
  });

  await test.step('an annotator sees the passes read-only and what waits for them', async () => {
    await annotator.goto('/projects/demo/workflow');
    await expect(annotator.getByText('Read-only: your role (Annotator)')).toBeVisible();
    await expect(annotator.getByRole('list', { name: 'Passes' }).getByRole('listitem')).toHaveCount(3);
    await shoot(annotator, 'workflow-readonly');
    await annotator.goto('/projects/demo/work');
    await expect(annotator.getByTestId('waiting-Label')).toContainText(/\d/);
    await shoot(annotator, 'work');
  });

  await test.step('the annotator labels it Car; the item claimed ahead opens right after the submit', async () => {
    const next = prefetchedId(annotator);
    await start(annotator, 'Start labeling');
    await expect(annotator.getByTestId('task-header')).toContainText(name);
    await expect(annotator.getByTestId('task-media').getByRole('img')).toBeVisible();
    const nextId = await next;
    expect(nextId).not.toBeNull();
    await pick(annotator, '1', 'Car');
    await annotator.keyboard.press('Enter');
    await annotator.waitForURL(`**/work/${nextId}`);
    await expect(annotator.getByTestId('label-panel')).toBeVisible();
  });

  await test.step('the reviewer, labeling too, gets the same image and says Pedestrian', async () => {
    await start(reviewer, 'Start labeling');
    await expect(reviewer.getByTestId('task-header')).toContainText(name);
    await pick(reviewer, '2', 'Pedestrian');
    await reviewer.keyboard.press('Enter');
    await expect(reviewer.getByTestId('task-header')).not.toContainText(name);
  });

  await test.step('the lead compares both versions, merges or takes one, and decides', async () => {
    await start(lead, 'Start adjudicating');
    await expect(lead.getByTestId('task-header')).toContainText(name);
    await expect(lead.getByTestId('escalation')).toContainText('agreement 0%');
    await expect(lead.getByTestId(`subject-${USERS.annotator}`)).toContainText('Car');
    await expect(lead.getByTestId(`subject-${USERS.reviewer}`)).toContainText('Pedestrian');
    await lead.getByRole('radio', { name: 'Merge labels' }).check();
    await expect(lead.getByRole('checkbox', { name: /Car/ })).toBeVisible();
    await shoot(lead, 'adjudicate-merge');
    await lead.keyboard.press('1');
    await expect(lead.getByRole('radio', { name: /Take this version/ }).first()).toBeChecked();
    await lead.getByLabel('Reason for the decision').fill('A car, clearly; no pedestrian in sight.');
    await shoot(lead, 'adjudicate');
    await lead.getByRole('button', { name: 'Decide' }).click();
    await expectQueueEmpty(lead);
  });
});

test('review loop: reject with a reason, rework against a diff, accept; a stale save is kept and offered back', async () => {
  test.setTimeout(4 * 60_000);
  // The annotator is on the item that opened after their submit in the previous test.
  await expect(annotator).toHaveURL(SHELL_URL);
  const itemUrl = annotator.url();
  const filename = (await annotator.getByTestId('asset-filename').innerText()).trim();
  const activityHref = (await annotator.getByRole('link', { name: 'Activity' }).getAttribute('href'))!;

  await test.step('a save from a stale tab is refused, kept, and offered back after a reload', async () => {
    const stale = await annotator.context().newPage();
    await stale.goto(itemUrl);
    await expect(stale.getByTestId('label-panel')).toBeVisible();
    await pick(annotator, '1', 'Car');
    await stale.keyboard.press('2');
    await expect(stale.getByText('Someone else changed this item while you had it open.')).toBeVisible();
    await expect(stale.getByTestId('save-status')).toHaveText('Not saved: changed elsewhere');
    await shoot(stale, 'label-conflict');
    await stale.getByRole('button', { name: 'Reload' }).click();
    await expect(stale.getByText('You have labels that were not saved')).toBeVisible();
    await stale.getByRole('button', { name: 'Use my labels' }).click();
    await expect(stale.getByTestId('save-status')).toHaveText('All changes saved');
    await expect(stale.getByRole('button', { name: /Pedestrian/ })).toHaveAttribute('aria-pressed', 'true');
    await stale.close();
  });

  await test.step('the annotator checks the keys and submits Pedestrian', async () => {
    await annotator.goto(itemUrl);
    await expect(annotator.getByRole('button', { name: /Pedestrian/ })).toHaveAttribute('aria-pressed', 'true');
    await annotator.keyboard.press('?');
    await expect(annotator.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Flag for an expert');
    await shoot(annotator, 'label-help');
    await annotator.keyboard.press('Escape');
    await expect(annotator.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
    await annotator.keyboard.press('Enter');
    await expect(annotator).not.toHaveURL(itemUrl);
    await expect(annotator.getByTestId('label-panel')).toBeVisible();
  });

  await test.step('while the item is in review, its pass cannot be removed', async () => {
    await lead.goto('/projects/demo/workflow');
    await lead.getByRole('button', { name: 'Remove Review' }).click();
    await lead.getByRole('button', { name: 'Save workflow' }).click();
    await expect(lead.getByRole('alert').filter({ hasText: 'still in the pass(es) you removed (Review)' })).toBeVisible();
    await shoot(lead, 'workflow-remove-refused');
  });

  await test.step('the reviewer rejects with a reason, a note on the label and a mention', async () => {
    await start(reviewer, 'Start reviewing');
    await expect(reviewer.getByTestId('task-header')).toContainText(filename);
    await expect(reviewer.getByTestId(`subject-${USERS.annotator}`)).toContainText('Pedestrian');
    const note = reviewer.getByLabel('Note on Pedestrian by Ann Annotator');
    await note.fill('The shape is a car.');
    await note.blur();
    const comment = reviewer.getByLabel('Add a comment');
    await comment.fill('Looks like a car to me @le');
    await reviewer.getByRole('button', { name: '@lead@loupe.test' }).click();
    await comment.pressSequentially('can you confirm?');
    await reviewer.getByRole('button', { name: 'Comment', exact: true }).click();
    await expect(reviewer.getByTestId('comment').locator('mark')).toHaveText('@lead@loupe.test');
    await shoot(reviewer, 'review');
    await reviewer.keyboard.press('r');
    const reason = reviewer.getByRole('dialog').getByLabel('Reason');
    await reason.fill('Wrong class: this is a car.');
    await reason.press('Enter');
    await expectQueueEmpty(reviewer);
    await shoot(reviewer, 'queue-empty');
  });

  await test.step('the annotator gets the rework first, sees why and what changes', async () => {
    await start(annotator, 'Start labeling');
    await expect(annotator).toHaveURL(itemUrl);
    const rework = annotator.getByTestId('rework-notice');
    await expect(rework).toContainText('Wrong class: this is a car.');
    await expect(rework).toContainText('The shape is a car.');
    await expect(annotator.getByTestId('rework-diff')).toHaveText('No changes yet.');
    await pick(annotator, '1', 'Car');
    await expect(annotator.getByTestId('rework-diff').locator('[data-change="added"]')).toHaveText(/Car/);
    await expect(annotator.getByTestId('rework-diff').locator('[data-change="removed"]')).toHaveText(/Pedestrian/);
    await shoot(annotator, 'rework');
    await annotator.keyboard.press('Enter');
    await expect(annotator).not.toHaveURL(itemUrl);
    await expect(annotator.getByTestId('label-panel')).toBeVisible();
  });

  await test.step('the reviewer gets the rework back and accepts it', async () => {
    await start(reviewer, 'Start reviewing');
    await expect(reviewer.getByTestId(`subject-${USERS.annotator}`)).toContainText('Car');
    await expect(reviewer.getByText('Earlier decisions')).toBeVisible();
    await reviewer.keyboard.press('a');
    await expectQueueEmpty(reviewer);
  });

  await test.step("the task's activity tells the story", async () => {
    await lead.goto(activityHref);
    await expect(lead.getByRole('heading', { name: /done/ })).toBeVisible();
    expect(await lead.getByTestId('activity-event').count()).toBeGreaterThanOrEqual(4);
    await expect(lead.getByTestId('comment').filter({ hasText: 'The shape is a car.' })).toBeVisible();
    await lead.getByTestId('activity-event').first().getByText('Before / after').click();
    await shoot(lead, 'activity');
  });
});

test('flag and skip ask why; queues count the outcome; empty and missing states read well', async () => {
  test.setTimeout(2 * 60_000);

  await test.step('flagging sends the item to the experts, skipping gives it back; each opens the next', async () => {
    await expect(annotator.getByTestId('label-panel')).toBeVisible();
    const flagged = annotator.url();
    await annotator.keyboard.press('f');
    const dialog = annotator.getByRole('dialog');
    await expect(dialog.getByRole('heading', { name: 'Flag for an expert' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Flag item' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Say why, so the next person understands.');
    await dialog.getByLabel('Reason').fill('Cannot tell a car from a truck here.');
    await dialog.getByRole('button', { name: 'Flag item' }).click();
    await expect(annotator).not.toHaveURL(flagged);
    await expect(annotator.getByTestId('label-panel')).toBeVisible();

    const skipped = annotator.url();
    await annotator.keyboard.press('s');
    await annotator.getByRole('dialog').getByLabel('Reason').fill('Not sure what this shows.');
    await annotator.getByRole('dialog').getByLabel('Reason').press('Enter');
    await expect(annotator).not.toHaveURL(skipped);
    await expect(annotator.getByTestId('label-panel')).toBeVisible();
  });

  await test.step('the queues page counts what happened', async () => {
    await lead.goto('/projects/demo/work');
    await expect(lead.getByTestId('waiting-Adjudicate')).toContainText('1');
    await lead.goto('/projects/demo/queues');
    await expect(lead.getByTestId('task-totals')).toHaveText(/^\d+ tasks · 2 done · 1 escalated$/);
    await expect(lead.getByRole('table', { name: 'People' })).toContainText('Ann Annotator');
    await shoot(lead, 'queues');
  });

  await test.step("an item that does not exist, or is someone else's, is not shown", async () => {
    await annotator.goto('/projects/demo/work/no-such-item');
    await expect(annotator.getByRole('heading', { name: 'This item does not exist' })).toBeVisible();
    await shoot(annotator, 'task-not-found');
    await start(lead, 'Start adjudicating');
    await annotator.goto(lead.url());
    await expect(annotator.getByText('This item is assigned to someone else')).toBeVisible();
    await shoot(annotator, 'task-forbidden');
  });

  await test.step('a project without a workflow says so on every page', async () => {
    const slug = unique('wf-empty');
    const created = await lead.request.post('/api/v1/projects', { data: { name: 'Empty workflow', slug } });
    expect(created.status(), await created.text()).toBe(201);
    await lead.goto(`/projects/${slug}/work`);
    await expect(lead.getByText('No workflow yet')).toBeVisible();
    await shoot(lead, 'work-no-workflow');
    await lead.goto(`/projects/${slug}/queues`);
    await expect(lead.getByText('No passes yet')).toBeVisible();
    await shoot(lead, 'queues-empty');
    await lead.goto(`/projects/${slug}/workflow`);
    await expect(lead.getByTestId('pass-0').getByLabel('Name')).toHaveValue('Label');
  });
});
