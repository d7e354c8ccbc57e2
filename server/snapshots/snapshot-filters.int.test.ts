import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotFixture } from '@/tests/snapshots/snapshot-fixture';
import { db } from '../db';
import { closeQueues } from '../jobs/enqueue';
import { rows, sql } from '../sql';
import { createSnapshot } from './create-snapshot';

// The snapshot filters the create form offers beside status and classes: media kinds, import batches
// and the days the items were finished (the fixture finishes item i of each kind on 2026-11-(1 + i)).

afterAll(closeQueues);

let fx: Awaited<ReturnType<typeof snapshotFixture>>;
beforeAll(async () => {
  fx = await snapshotFixture({ items: 6, accepted: 6, audio: 2, video: 1 });
});

const assetsOf = async (snapshotId: string) =>
  new Set(
    (await rows<{ assetId: string }>(sql`SELECT "assetId" FROM "SnapshotItem" WHERE "snapshotId" = ${snapshotId}`)).map(
      (r) => r.assetId,
    ),
  );
const make = (filter: object) => createSnapshot(fx.owner, { projectId: fx.project.id, name: 'Filtered', filter });

describe('snapshot filters', () => {
  it('takes only the media kinds asked for', async () => {
    const audio = await make({ kinds: ['AUDIO'] });
    expect(await assetsOf(audio.id)).toEqual(new Set(fx.recordings));
    expect(audio.manifest?.kinds).toEqual({ AUDIO: 2 });
    expect((await make({ kinds: ['IMAGE', 'VIDEO'] })).manifest?.kinds).toEqual({ IMAGE: 6, VIDEO: 1 });
  });

  it('takes the items finished from one day (included) to another (left out)', async () => {
    const days = await make({ doneFrom: '2026-11-02', doneBefore: '2026-11-04' });
    expect(await assetsOf(days.id)).toEqual(new Set([fx.assetIds[1], fx.assetIds[2], fx.recordings[1]]));
  });

  it('takes only the assets of the import batches asked for', async () => {
    const batch = await db().importBatch.create({ data: { projectId: fx.project.id, source: 'UPLOAD', label: 'Batch A' } });
    await db().asset.updateMany({ where: { id: { in: [fx.assetIds[0]!, fx.clips[0]!] } }, data: { importBatchId: batch.id } });
    const picked = await make({ importBatchIds: [batch.id] });
    expect(await assetsOf(picked.id)).toEqual(new Set([fx.assetIds[0], fx.clips[0]]));
  });

  it('refuses a range that ends before it starts, a malformed day and an unknown kind (by field), writing nothing', async () => {
    const before = await db().snapshot.count({ where: { projectId: fx.project.id } });
    await expect(make({ doneFrom: '2026-11-04', doneBefore: '2026-11-04' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['filter', 'doneBefore'], message: 'the end must be after the start' })],
    });
    await expect(make({ doneFrom: '4 Nov' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['filter', 'doneFrom'] })],
    });
    await expect(make({ kinds: ['TEXT'] })).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['filter', 'kinds', 0] })],
    });
    await expect(make({ doneFrom: '2030-01-01' })).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
    expect(await db().snapshot.count({ where: { projectId: fx.project.id } })).toBe(before);
  });
});
