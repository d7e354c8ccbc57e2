import { afterAll, describe, expect, it } from 'vitest';
import type { TRegion } from '@/lib/schemas/workflow';
import { applyOperations } from '@/lib/taxonomy-migration/apply-operations';
import { callApi, json } from '@/tests/api/call-api';
import { migrationWorld, OPERATIONS, regionsOfItem, V2 } from '@/tests/taxonomy-migration/migration-world';
import { startWorkers } from '@/workers/start-workers';
import { waitFor } from '@/workers/test-support';
import { db } from '../db';
import { closeQueues } from '../jobs/enqueue';
import { applyTaxonomyMigration } from './apply-taxonomy-migration';
import { publishTaxonomyVersion } from './publish-taxonomy-version';
import { saveTaxonomyDraft } from './save-taxonomy-draft';

afterAll(closeQueues);

async function expectMigrated(world: Awaited<ReturnType<typeof migrationWorld>>) {
  const stored = await db().annotation.findMany({
    where: { id: { in: world.items.map((i) => i.annotationId) } },
    select: { id: true, regions: true, _count: { select: { migrations: true } } },
  });
  const byId = new Map(stored.map((a) => [a.id, a]));
  world.items.forEach((item, i) => {
    const a = byId.get(item.annotationId)!;
    expect(a.regions as TRegion[]).toEqual(applyOperations(regionsOfItem(i), OPERATIONS).regions);
    expect(a._count.migrations).toBe(1);
  });
}

describe('a migration stopped half way', () => {
  it('keeps what its committed batches did, and a second run finishes with the same result as one run', async () => {
    const w = await migrationWorld(90);
    await publishTaxonomyVersion(w.owner, { projectId: w.projectId });
    const { id } = await db().taxonomyMigration.findFirstOrThrow({ where: { projectId: w.projectId } });
    let batches = 0;
    const killed = applyTaxonomyMigration(id, {
      batchSize: 10,
      afterBatch: () => {
        if (++batches === 3) throw new Error('worker killed');
      },
    });
    await expect(killed).rejects.toThrow('worker killed');
    // Batches run two at a time: the one in flight when the third finished may have committed too.
    const stopped = await db().taxonomyMigration.findUniqueOrThrow({ where: { id } });
    expect(stopped).toMatchObject({ status: 'RUNNING', total: 90 });
    expect([30, 40]).toContain(stopped.done);
    expect(await db().annotationMigration.count({ where: { migrationId: id } })).toBe(stopped.done);

    expect(await applyTaxonomyMigration(id, { batchSize: 10 })).toEqual({ done: 90 });
    await expectMigrated(w);
  });
});

describe('the migrate worker', () => {
  it('runs the job queued by the publish to the end; the next publish waits for it (409)', async () => {
    const w = await migrationWorld(40);
    await publishTaxonomyVersion(w.owner, { projectId: w.projectId });
    await saveTaxonomyDraft(w.owner, { projectId: w.projectId, definition: { classes: [...V2.classes] }, baseUpdatedAt: null });
    const early = await callApi('POST', `/projects/${w.projectId}/taxonomy/publish`, { token: w.tokens.DATA_LEAD });
    expect(early.status).toBe(409);
    expect((await json<{ detail: string }>(early)).detail).toMatch(/still moving to version 2/);

    const pool = startWorkers({ queues: ['migrate'], log: () => undefined });
    try {
      await waitFor(
        async () => (await db().taxonomyMigration.findFirst({ where: { projectId: w.projectId, status: 'DONE' } })) !== null,
        'the migration to finish',
        20_000,
      );
    } finally {
      await pool.close({ timeoutMs: 10_000 });
    }
    await expectMigrated(w);
    expect((await callApi('POST', `/projects/${w.projectId}/taxonomy/publish`, { token: w.tokens.DATA_LEAD })).status).toBe(200);
  });
});

describe('publishing operations that do not fit', () => {
  it('answers 422 with every problem and publishes nothing', async () => {
    const w = await migrationWorld(3);
    await saveTaxonomyDraft(w.owner, {
      projectId: w.projectId,
      definition: V2,
      operations: [
        { op: 'merge_classes', from: ['lynx', 'fox'], into: 'wolf' },
        { op: 'map_enum_values', classId: 'cat', attributeId: 'mood', mapping: { calm: 'serene' } },
      ],
      baseUpdatedAt: (
        await db().taxonomyVersion.findFirstOrThrow({ where: { taxonomy: { projectId: w.projectId }, status: 'DRAFT' } })
      ).updatedAt.toISOString(),
    });
    const response = await callApi('POST', `/projects/${w.projectId}/taxonomy/publish`, { token: w.tokens.OWNER });
    expect(response.status).toBe(422);
    const problem = await json<{ errors: { operation: number; message: string }[] }>(response);
    expect(problem.errors.map((e) => e.message)).toEqual([
      'merges into wolf, which the new version does not have',
      'maps “calm” to “serene”, which the new version does not offer',
      '“Dog” is gone from the new version: merge or split it, or keep it as deprecated',
    ]);
    expect(await db().taxonomyVersion.count({ where: { taxonomy: { projectId: w.projectId }, status: 'PUBLISHED' } })).toBe(1);
    expect(await db().taxonomyMigration.count({ where: { projectId: w.projectId } })).toBe(0);
  });

  it('an enum value dropped with no mapping is refused while labels hold it', async () => {
    // Item 5's first region is a calm cat.
    const w = await migrationWorld(6);
    const draft = await db().taxonomyVersion.findFirstOrThrow({
      where: { taxonomy: { projectId: w.projectId }, status: 'DRAFT' },
    });
    await saveTaxonomyDraft(w.owner, {
      projectId: w.projectId,
      definition: V2,
      operations: OPERATIONS.filter((o) => o.op !== 'map_enum_values'),
      baseUpdatedAt: draft.updatedAt.toISOString(),
    });
    const response = await callApi('POST', `/projects/${w.projectId}/taxonomy/publish`, { token: w.tokens.OWNER });
    expect(response.status).toBe(422);
    const problem = await json<{ errors: { operation: number; message: string }[] }>(response);
    expect(problem.errors).toEqual([
      {
        operation: -1,
        message: '“Mood” of “Cat” no longer offers “calm”: map it to a value (Map values) or keep it',
        vanishedValue: { classId: 'cat', attributeId: 'mood', value: 'calm' },
      },
    ]);
  });

  it('a class or an enum value dropped with no operation is fine while no label uses it; the empty migration is done at once', async () => {
    const w = await migrationWorld(0);
    const draft = await db().taxonomyVersion.findFirstOrThrow({
      where: { taxonomy: { projectId: w.projectId }, status: 'DRAFT' },
    });
    await saveTaxonomyDraft(w.owner, { projectId: w.projectId, definition: V2, baseUpdatedAt: draft.updatedAt.toISOString() });
    const published = await callApi('POST', `/projects/${w.projectId}/taxonomy/publish`, { token: w.tokens.OWNER });
    expect(published.status, await published.clone().text()).toBe(200);
    expect(await db().taxonomyMigration.findFirstOrThrow({ where: { projectId: w.projectId } })).toMatchObject({
      status: 'DONE',
      total: 0,
    });
  });
});
