import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMigrationDecisions, TMigrationImpact, TTaxonomyMigration } from '@/lib/schemas/taxonomy-migration';
import type { TRegion } from '@/lib/schemas/workflow';
import { applyOperations } from '@/lib/taxonomy-migration/apply-operations';
import { regionOf } from '@/lib/taxonomy-migration/test-regions';
import { operationClassIds } from '@/lib/taxonomy-migration/operations';
import { callApi, json } from '@/tests/api/call-api';
import { migrationWorld, OPERATIONS, regionsOfItem, type MigrationWorld } from '@/tests/taxonomy-migration/migration-world';
import { db } from '../db';
import { closeQueues, getQueue } from '../jobs/enqueue';
import { saveAnnotation } from '../workflow/save-annotation';
import { applyTaxonomyMigration } from './apply-taxonomy-migration';
import { publishTaxonomyVersion } from './publish-taxonomy-version';

const ITEMS = 240;
let w: MigrationWorld;

beforeAll(async () => {
  w = await migrationWorld(ITEMS);
});
afterAll(closeQueues);

/** What the dry run must find, counted here by hand from the seeded regions. */
function expectedImpact() {
  return OPERATIONS.map((op) => {
    const classes = new Set(operationClassIds(op));
    const hits = Array.from({ length: ITEMS }, (_, i) => i).filter((i) => regionsOfItem(i).some((r) => classes.has(r.classId)));
    return hits.length;
  });
}

const flipMoods = (regions: TRegion[]): TRegion[] =>
  regions.map((r) => ({ ...r, attributes: { ...r.attributes, mood: r.attributes.mood === 'calm' ? 'wild' : 'calm' } }));

describe('dry run', () => {
  it('counts per operation the annotations and tasks of the published version, with samples, as counted by hand', async () => {
    const response = await callApi('GET', `/projects/${w.projectId}/taxonomy/draft/impact`, { token: w.tokens.DATA_LEAD });
    expect(response.status).toBe(200);
    const report = await json<TMigrationImpact>(response);
    expect(report).toMatchObject({ fromVersion: 1, toVersion: 2, annotations: ITEMS, problems: [] });
    const expected = expectedImpact();
    expect(report.impact.map((o) => o.annotations)).toEqual(expected);
    expect(report.impact.map((o) => o.tasks)).toEqual(expected);
    for (const [i, op] of report.impact.entries()) {
      expect(op.byPass).toEqual([{ passId: expect.any(String), passName: 'Label', status: 'IN_PROGRESS', tasks: expected[i] }]);
      expect(op.samples).toHaveLength(5);
      expect(op.snapshots).toBe(0);
    }
    const sampled = await db().annotation.findUniqueOrThrow({ where: { id: report.impact[2]!.samples[0]!.annotationId } });
    expect((sampled.regions as TRegion[]).some((r) => r.classId === 'dog')).toBe(true);
  });

  it('answers only leads (403 for reviewers and annotators), 404 to outsiders, 401 anonymous', async () => {
    const path = `/projects/${w.projectId}/taxonomy/draft/impact`;
    const statuses = await Promise.all(
      (['OWNER', 'DATA_LEAD', 'REVIEWER', 'ANNOTATOR', 'outsider'] as const).map(
        async (who) => (await callApi('GET', path, { token: w.tokens[who] })).status,
      ),
    );
    expect(statuses).toEqual([200, 200, 403, 403, 404]);
    expect((await callApi('GET', path)).status).toBe(401);
    const problem = await callApi('GET', `/projects/${w.otherProjectId}/taxonomy/draft/impact`, { token: w.tokens.OWNER });
    expect(problem.status).toBe(404);
    expect(problem.headers.get('content-type')).toMatch(/problem\+json/);
  });
});

describe('publish and apply', () => {
  let migrationId: string;

  it('publishing opens the migration with the dry run and queues its job', async () => {
    await publishTaxonomyVersion(w.lead, { projectId: w.projectId });
    const migration = await db().taxonomyMigration.findFirstOrThrow({ where: { projectId: w.projectId } });
    migrationId = migration.id;
    expect(migration).toMatchObject({ status: 'QUEUED', total: ITEMS, done: 0 });
    expect((migration.impact as { annotations: number }[]).map((o) => o.annotations)).toEqual(expectedImpact());
    expect(await getQueue('migrate').getJob(`migrate-${migrationId}`)).toBeTruthy();
  });

  it('moves every annotation once while the annotator keeps saving from the old version; counts equal the dry run', async () => {
    // Every other item is saved from an editor opened on v1 (version 1), during the migration: before
    // the job reaches it (stored on v1, then migrated) or after (carried across on arrival).
    const edited = w.items.filter((_, i) => i % 2 === 0);
    const paths = { plain: 0, carried: 0 };
    const saving = (async () => {
      for (const [k, item] of edited.entries()) {
        const i = k * 2;
        const saved = await saveAnnotation(w.annotator, {
          projectId: w.projectId,
          assignmentId: item.assignmentId,
          version: 1,
          regions: flipMoods(regionsOfItem(i)),
        });
        expect(saved.version).toBeGreaterThanOrEqual(2);
        paths[saved.migrated ? 'carried' : 'plain']++;
        if (k % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const applied = await applyTaxonomyMigration(migrationId, {
      batchSize: 16,
      afterBatch: () => new Promise((r) => setTimeout(r, 3)),
    });
    await saving;
    // Both ways happened: saves the job then moved, and saves carried across on arrival.
    expect(paths.plain + paths.carried).toBe(edited.length);
    expect(paths.plain).toBeGreaterThan(0);
    expect(paths.carried).toBeGreaterThan(0);
    expect(applied.done).toBe(ITEMS);

    const v2 = await db().taxonomyVersion.findFirstOrThrow({ where: { taxonomy: { projectId: w.projectId }, version: 2 } });
    const stored = await db().annotation.findMany({
      where: { assignment: { task: { projectId: w.projectId } } },
      select: { id: true, regions: true, taxonomyVersionId: true, version: true, migrations: { select: { operations: true } } },
    });
    const byId = new Map(stored.map((a) => [a.id, a]));
    const annotations = w.items.map((item) => byId.get(item.annotationId)!);
    expect(annotations.every((a) => a.taxonomyVersionId === v2.id)).toBe(true);
    expect(annotations.every((a) => a.migrations.length === 1)).toBe(true);
    annotations.forEach((a, i) => {
      const source = i % 2 === 0 ? flipMoods(regionsOfItem(i)) : regionsOfItem(i);
      expect(a.regions, `item ${i}`).toEqual(applyOperations(source, OPERATIONS).regions);
      // Two writes for a saved item (the save and the move), one for the others.
      expect(a.version).toBe(i % 2 === 0 ? 3 : 2);
    });
    const applyCounts = OPERATIONS.map((_, op) => annotations.filter((a) => a.migrations[0]!.operations.includes(op)).length);
    expect(applyCounts).toEqual(expectedImpact());

    const migration = await db().taxonomyMigration.findUniqueOrThrow({ where: { id: migrationId } });
    const splitItems = annotations.filter((a) => (a.regions as TRegion[]).some((r) => r.classId === 'puppy')).length;
    expect(migration).toMatchObject({ status: 'DONE', done: ITEMS, total: ITEMS, decisions: splitItems });
    const listed = await json<TTaxonomyMigration[]>(
      await callApi('GET', `/projects/${w.projectId}/taxonomy/migrations`, { token: w.tokens.ANNOTATOR }),
    );
    expect(listed).toMatchObject([
      { fromVersion: 1, toVersion: 2, status: 'DONE', done: ITEMS, total: ITEMS, decisions: splitItems },
    ]);
  });

  it('a second run of a finished migration changes nothing', async () => {
    const before = await db().annotationMigration.count();
    expect(await applyTaxonomyMigration(migrationId)).toEqual({ done: ITEMS });
    expect(await db().annotationMigration.count()).toBe(before);
  });

  it('a save from an editor still on a version from before the last save is a 409, not a silent overwrite', async () => {
    const item = w.items[0]!;
    const response = await callApi('PUT', `/projects/${w.projectId}/assignments/${item.assignmentId}/annotation`, {
      token: w.tokens.ANNOTATOR,
      body: { version: 1, regions: regionsOfItem(0) },
    });
    expect(response.status).toBe(409);
    expect((await json<{ code: string }>(response)).code).toBe('STALE_VERSION');
  });

  it('a save from the old version that the new one cannot take is a 409 saying why, and stores nothing', async () => {
    const item = w.items[1]!; // not saved during the migration: version 2 from the move alone
    const stored = () =>
      db().annotation.findUniqueOrThrow({ where: { id: item.annotationId }, select: { version: true, regions: true } });
    const before = await stored();
    const response = await callApi('PUT', `/projects/${w.projectId}/assignments/${item.assignmentId}/annotation`, {
      token: w.tokens.ANNOTATOR,
      body: { version: 1, regions: [regionOf('bbox', 'x1', 'cat', { mood: 'sleepy' })] },
    });
    expect(response.status).toBe(409);
    const problem = await json<{ code: string; detail: string }>(response);
    expect(problem.code).toBe('TAXONOMY_CHANGED');
    expect(problem.detail).toMatch(/taxonomy changed to version 2 while you worked and these labels cannot be carried over/);
    expect(await stored()).toEqual(before);
  });

  it("split items wait in the re-review queue until a lead picks each region's class", async () => {
    const path = `/projects/${w.projectId}/taxonomy/decisions`;
    expect((await callApi('GET', path, { token: w.tokens.ANNOTATOR })).status).toBe(403);
    const queue = await json<TMigrationDecisions>(await callApi('GET', path, { token: w.tokens.DATA_LEAD }));
    const migration = await db().taxonomyMigration.findUniqueOrThrow({ where: { id: migrationId } });
    expect(queue.total).toBe(migration.decisions);
    const item = queue.items[0]!;
    expect(item.pending.every((p) => p.reason === 'split' && p.choices.join() === 'puppy,adult_dog')).toBe(true);

    const wrong = await callApi('POST', `${path}/${item.id}`, {
      token: w.tokens.DATA_LEAD,
      body: { regions: item.pending.map((p) => ({ regionId: p.regionId, classId: 'cat' })) },
    });
    expect(wrong.status).toBe(422);
    expect((await callApi('POST', `${path}/${item.id}`, { token: w.tokens.DATA_LEAD, body: { regions: [] } })).status).toBe(400);

    const answer = item.pending.map((p) => ({ regionId: p.regionId, classId: 'adult_dog' }));
    const done = await callApi('POST', `${path}/${item.id}`, { token: w.tokens.DATA_LEAD, body: { regions: answer } });
    expect(done.status).toBe(200);
    const annotation = await db().annotation.findUniqueOrThrow({ where: { id: item.annotationId } });
    const decided = (annotation.regions as TRegion[]).filter((r) => item.pending.some((p) => p.regionId === r.id));
    expect(decided.map((r) => r.classId)).toEqual(decided.map(() => 'adult_dog'));
    const after = await json<TMigrationDecisions>(await callApi('GET', path, { token: w.tokens.OWNER }));
    expect(after.total).toBe(queue.total - 1);
    expect(after.items.map((i) => i.id)).not.toContain(item.id);
    expect((await db().taxonomyMigration.findUniqueOrThrow({ where: { id: migrationId } })).decisions).toBe(queue.total - 1);
    expect((await callApi('POST', `${path}/${item.id}`, { token: w.tokens.DATA_LEAD, body: { regions: answer } })).status).toBe(
      409,
    );
  });
});
