import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '@/tests/snapshots/read-zip';
import { snapshotFixture, KEYPOINTS } from '@/tests/snapshots/snapshot-fixture';
import { startWorkers } from '@/workers/start-workers';
import { waitFor } from '@/workers/test-support';
import { db } from '../db';
import { AppError } from '../errors';
import { closeQueues } from '../jobs/enqueue';
import { one, rows, sql } from '../sql';
import { buildExport } from './build-export';
import { createSnapshot } from './create-snapshot';
import { diffSnapshots } from './diff-snapshots';
import { getSnapshot } from './get-snapshot';
import { itemsChecksum } from './snapshot-manifest';
import { requestExport } from './request-export';

// Snapshots against the real database: which items a filter takes, the deterministic split, the
// manifest's counts and provenance, immutability (in the code and in the database), and exports read
// back with an unzip of their own (yauzl): JSONL and COCO content, byte-identical rebuilds.

afterAll(closeQueues);

let fx: Awaited<ReturnType<typeof snapshotFixture>>;
beforeAll(async () => {
  fx = await snapshotFixture({ items: 30, accepted: 20 });
});

async function unzip(exportId: string): Promise<Record<string, string>> {
  const { blobSha256 } = (await one<{ blobSha256: string }>(
    sql`SELECT "blobSha256" FROM "SnapshotExport" WHERE id = ${exportId}`,
  ))!;
  return readZip(blobSha256);
}

async function exported(version: number, format: 'jsonl' | 'coco') {
  const requested = await requestExport(fx.owner, { projectId: fx.project.id, version, format, includeMedia: false });
  await buildExport(requested.id);
  return { id: requested.id, files: await unzip(requested.id) };
}

describe('creating a snapshot', () => {
  it('takes the accepted items, pins the taxonomy, counts classes per split and records who labeled and reviewed', async () => {
    const snapshot = await createSnapshot(fx.owner, { projectId: fx.project.id, name: 'First cut' });
    expect(snapshot).toMatchObject({ version: 1, name: 'First cut', status: 'READY', itemCount: 20 });
    expect(snapshot.checksum).toMatch(/^[0-9a-f]{64}$/);
    const m = snapshot.manifest!;
    expect(Object.values(m.perSplit).reduce((a, b) => a + b, 0)).toBe(20);
    const carBoxes = Object.values(m.perClass.car!).reduce((a, b) => a + b, 0);
    expect(carBoxes).toBe(21); // one per item, plus item 1's rotated box
    expect(Object.values(m.perClass.pedestrian!).reduce((a, b) => a + b, 0)).toBe(11); // 10 polygons + item 0's keypoints
    expect(m.kinds).toEqual({ IMAGE: 20 });
    expect(m.taxonomy.version).toBe(1);
    expect(m.appCommit).toMatch(/^([0-9a-f]{40}|unknown)$/);

    const [item] = await rows<{ provenance: { labelers: string[]; decisions: { by: string; decision: string }[] } }>(
      sql`SELECT provenance FROM "SnapshotItem" WHERE "snapshotId" = ${snapshot.id} LIMIT 1`,
    );
    expect(item!.provenance.labelers).toHaveLength(1);
    expect(item!.provenance.labelers[0]).toMatch(/^p_[0-9a-f]{12}$/);
    expect(JSON.stringify(item)).not.toContain(fx.annotatorId);
    expect(item!.provenance.decisions).toEqual([expect.objectContaining({ decision: 'ACCEPT' })]);
  });

  it('the same seed gives every asset the same split; every finished item, or one class, on request', async () => {
    const done = await createSnapshot(fx.owner, { projectId: fx.project.id, name: 'All', filter: { status: 'done' } });
    expect(done).toMatchObject({ version: 2, itemCount: 30 });
    const splitOf = async (snapshotId: string) =>
      new Map(
        (
          await rows<{ assetId: string; split: string }>(
            sql`SELECT "assetId", split FROM "SnapshotItem" WHERE "snapshotId" = ${snapshotId}`,
          )
        ).map((r) => [r.assetId, r.split]),
      );
    const first = await getSnapshot(fx.owner, { projectId: fx.project.id, version: 1 });
    const [a, b] = [await splitOf(first.id), await splitOf(done.id)];
    for (const [asset, split] of a) expect(b.get(asset)).toBe(split);
    const weather = await createSnapshot(fx.owner, {
      projectId: fx.project.id,
      name: 'Weather',
      filter: { status: 'done', classIds: ['weather'] },
      split: { train: 1, val: 0, test: 0, seed: 'x' },
    });
    expect(weather).toMatchObject({ itemCount: 1, manifest: expect.objectContaining({ perSplit: { train: 1 } }) });
  });

  it('refuses a filter nothing matches (422) and a split that does not add up, writing nothing', async () => {
    const before = await db().snapshot.count();
    await expect(
      createSnapshot(fx.owner, { projectId: fx.project.id, name: 'None', filter: { classIds: ['no-such-class'] } }),
    ).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
    await expect(
      createSnapshot(fx.owner, { projectId: fx.project.id, name: 'Bad', split: { train: 0.5, val: 0.1, test: 0.1 } }),
    ).rejects.toThrow(/add up to 1/);
    expect(await db().snapshot.count()).toBe(before);
  });

  it('an annotator may not make one (403), and later label edits leave a snapshot as it was', async () => {
    await expect(createSnapshot(fx.annotator, { projectId: fx.project.id, name: 'Mine' })).rejects.toBeInstanceOf(AppError);
    const snapshot = await getSnapshot(fx.owner, { projectId: fx.project.id, version: 1 });
    await db().annotation.update({ where: { id: fx.annotations[0]! }, data: { regions: [], version: { increment: 1 } } });
    expect(await itemsChecksum(db(), snapshot.id)).toBe(snapshot.checksum);
    await expect(rows(sql`UPDATE "SnapshotItem" SET split = 'test' WHERE "snapshotId" = ${snapshot.id}`)).rejects.toThrow(
      /immutable/,
    );
    await expect(rows(sql`UPDATE "Snapshot" SET "itemCount" = 0 WHERE id = ${snapshot.id}`)).rejects.toThrow(/immutable/);
  });
});

describe('comparing snapshots', () => {
  it('counts items added, removed and relabeled since another version, and labels per class in each', async () => {
    // Item 0's labels were cleared after v2 (above): a new snapshot of every finished item sees it relabeled.
    const v4 = await createSnapshot(fx.owner, { projectId: fx.project.id, name: 'After the edit', filter: { status: 'done' } });
    const diff = await diffSnapshots(fx.owner, { projectId: fx.project.id, version: v4.version, against: 2 });
    expect(diff).toMatchObject({ from: 2, to: v4.version, added: 0, removed: 0, relabeled: 1, movedSplit: 0, unchanged: 29 });
    expect(diff.samples.relabeled).toEqual([fx.assetIds[0]]);
    expect(diff.perClass.find((c) => c.classId === 'car')).toEqual({ classId: 'car', from: 31, to: 30 });
    const grown = await diffSnapshots(fx.owner, { projectId: fx.project.id, version: 2, against: 1 });
    expect(grown).toMatchObject({ added: 10, removed: 0 });
    expect(grown.samples.added).toHaveLength(10);
    await expect(diffSnapshots(fx.owner, { projectId: fx.project.id, version: 2, against: 99 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('exporting a snapshot', () => {
  it('JSONL: one canonical line per item with its regions as stored, a manifest with provenance, and checksums', async () => {
    const { files } = await exported(1, 'jsonl');
    expect(Object.keys(files)).toEqual(['annotations.jsonl', 'manifest.json', 'checksums.sha256']);
    const lines = files['annotations.jsonl']!.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(20);
    expect(lines.map((l) => l.index)).toEqual([...Array(20).keys()]);
    expect(lines[0]!.media).toMatch(/^000000-[0-9a-f]{12}\.png$/);
    const manifest = JSON.parse(files['manifest.json']!) as {
      items: { provenance: unknown }[];
      snapshot: { checksum: string };
      taxonomy: { classes: unknown[] };
    };
    expect(manifest.items).toHaveLength(20);
    expect(manifest.snapshot.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.taxonomy.classes.length).toBeGreaterThan(0);
    for (const line of files['checksums.sha256']!.trimEnd().split('\n')) {
      const [sum, name] = line.split('  ');
      expect(createHash('sha256').update(files[name!]!).digest('hex')).toBe(sum);
    }
  });

  it('COCO: a file per split; boxes, polygons, rotated boxes and keypoints in pixels; a rebuild gives the same bytes', async () => {
    const { id, files } = await exported(2, 'coco');
    const splits = Object.keys(files).filter((f) => f.startsWith('coco/'));
    expect(splits.length).toBeGreaterThan(0);
    type Coco = {
      images: { id: number; width: number }[];
      annotations: Record<string, unknown>[];
      categories: { id: number; name: string; keypoints?: string[] }[];
    };
    const all = splits.map((f) => JSON.parse(files[f]!) as Coco);
    expect(all.reduce((n, c) => n + c.images.length, 0)).toBe(30);
    const annotations = all.flatMap((c) => c.annotations);
    const car = annotations.find((a) => a.region_id === 'car-3')!;
    expect(car).toMatchObject({ bbox: [64, 48, 160, 240], area: 38400, iscrowd: 0, attributes: { occluded: true } });
    const polygon = annotations.find((a) => a.region_id === 'ped-4')!;
    expect(polygon.segmentation).toEqual([[320, 240, 480, 240, 480, 432]]);
    expect(polygon.area).toBe(15360);
    // A 128 × 48 box centred on (320, 216), turned a quarter: 48 × 128 around the same centre.
    expect(annotations.find((a) => a.region_id === 'rot-1')!.bbox).toEqual([296, 152, 48, 128]);
    const pose = annotations.find((a) => a.region_id === 'pose-0')!;
    expect(pose.num_keypoints).toBe(8);
    expect((pose.keypoints as number[]).slice(-3)).toEqual([0, 0, 0]);
    expect((pose.keypoints as number[]).slice(0, 3)).toEqual([KEYPOINTS[0]!.x * 640, KEYPOINTS[0]!.y * 480, 2]);
    expect(annotations.some((a) => a.region_id === 'weather-2')).toBe(false);
    const ids = annotations.map((a) => a.id);
    for (const c of all) expect(new Set(c.annotations.map((a) => a.id)).size).toBe(c.annotations.length);
    expect(ids.every((n) => typeof n === 'number' && n >= 1)).toBe(true);
    const pedestrian = all[0]!.categories.find((c) => c.name === 'Pedestrian')!;
    expect(pedestrian.keypoints).toHaveLength(9);

    const first = (await one<{ blobSha256: string }>(sql`SELECT "blobSha256" FROM "SnapshotExport" WHERE id = ${id}`))!
      .blobSha256;
    await rows(sql`UPDATE "SnapshotExport" SET status = 'QUEUED', "blobSha256" = NULL WHERE id = ${id}`);
    expect((await buildExport(id))!.sha256).toBe(first);
  });

  it('asking again answers the export that exists; a missing snapshot is 404', async () => {
    const again = await requestExport(fx.owner, { projectId: fx.project.id, version: 1, format: 'jsonl', includeMedia: false });
    expect(again.status).toBe('READY');
    await expect(
      requestExport(fx.owner, { projectId: fx.project.id, version: 99, format: 'jsonl', includeMedia: false }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('media in an export', () => {
  it('stores each image under the format’s folder with its own checksum', async () => {
    const media = await snapshotFixture({ items: 3, accepted: 3, realImages: true });
    await createSnapshot(media.owner, { projectId: media.project.id, name: 'With media' });
    const requested = await requestExport(media.owner, {
      projectId: media.project.id,
      version: 1,
      format: 'yolo',
      includeMedia: true,
    });
    await buildExport(requested.id);
    const files = await unzip(requested.id);
    const images = Object.keys(files).filter((f) => f.startsWith('images/'));
    expect(images).toHaveLength(3);
    expect(Object.keys(files)).toContain('data.yaml');
    const sums = files['checksums.sha256']!;
    for (const image of images) expect(sums).toContain(`  ${image}\n`);
  });
});

describe('the export worker', () => {
  let workers: ReturnType<typeof startWorkers>;
  beforeAll(() => {
    workers = startWorkers({ queues: ['export'], log: () => undefined });
  });
  afterAll(() => workers.close());

  const statusOf = async (id: string) =>
    (await one<{ status: string; error: string | null; done: number; total: number }>(
      sql`SELECT status::text AS status, error, done, total FROM "SnapshotExport" WHERE id = ${id}`,
    ))!;

  it('builds a requested export to READY, its progress at the total', async () => {
    const requested = await requestExport(fx.owner, { projectId: fx.project.id, version: 2, format: 'voc', includeMedia: false });
    expect(requested.status).toBe('QUEUED');
    const done = await waitFor(async () => {
      const row = await statusOf(requested.id);
      return row.status === 'READY' && row;
    }, 'the VOC export to be READY');
    expect(done.done).toBe(done.total);
    expect(Object.keys(await unzip(requested.id))).toContain('ImageSets/Main/train.txt');
  });

  it('media missing from the store fail the export at once with the reason; asking again queues it again', async () => {
    const requested = await requestExport(fx.owner, {
      projectId: fx.project.id,
      version: 1,
      format: 'jsonl',
      includeMedia: true,
    });
    const failed = await waitFor(async () => {
      const row = await statusOf(requested.id);
      return row.status === 'FAILED' && row;
    }, 'the export to fail');
    expect(failed.error).toMatch(/media of item 0 .* missing from the blob store/);
    const again = await requestExport(fx.owner, { projectId: fx.project.id, version: 1, format: 'jsonl', includeMedia: true });
    expect(again).toMatchObject({ id: requested.id, status: 'QUEUED', error: null });
  });
});
