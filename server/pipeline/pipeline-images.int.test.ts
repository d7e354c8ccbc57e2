import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { startWorkers, type WorkerPool } from '@/workers/start-workers';
import { waitFor, waitForJobState } from '@/workers/test-support';
import { retryAsset } from '../assets/retry-asset';
import { db } from '../db';
import { closeQueues, enqueue, getQueue } from '../jobs/enqueue';
import { blobStore } from '../storage/blob-store';
import { importTarget, noisyJpeg, pngHeaderOnly, settledAsset, smallPng } from './pipeline-test-support';

// Real files through the one door (ingestFile) and real in-process workers on both queues.
let pool: WorkerPool;
let target: Awaited<ReturnType<typeof importTarget>>;

beforeAll(async () => {
  target = await importTarget();
  pool = startWorkers({ queues: ['ingest', 'preprocess'], log: () => undefined });
});
afterAll(async () => {
  await pool.close();
  await closeQueues();
});

async function readBlob(sha256: string) {
  const chunks: Buffer[] = [];
  for await (const chunk of await blobStore().openRead(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('ingest, images (thumbnails made in the ingest job)', () => {
  it('a JPEG with EXIF orientation 6 becomes READY with swapped dimensions and two webp thumbnails', async () => {
    const { assetId } = await target.upload('portrait.jpg', await noisyJpeg(600, 400, { orientation: 6 }));
    const asset = await settledAsset(assetId);
    expect(asset).toMatchObject({
      stage: 'READY',
      kind: 'IMAGE',
      mime: 'image/jpeg',
      width: 400,
      height: 600,
      failureReason: null,
    });
    expect(asset.stagedAt).toBeInstanceOf(Date);
    expect(asset.readyAt!.getTime()).toBeGreaterThanOrEqual(asset.stagedAt!.getTime());
    expect(asset.probe).toMatchObject({ orientation: 6, storedWidth: 600, storedHeight: 400 });

    expect(asset.derivatives.map((d) => [d.kind, d.variant, d.mime, d.tool])).toEqual([
      ['THUMBNAIL', '1024', 'image/webp', 'sharp'],
      ['THUMBNAIL', '256', 'image/webp', 'sharp'],
    ]);
    const sizes = await Promise.all(asset.derivatives.map(async (d) => sharp(await readBlob(d.blobSha256)).metadata()));
    // Upright (portrait) and never upscaled: the 1024 variant keeps the original 400×600.
    expect(sizes.map((m) => [m.format, m.width, m.height])).toEqual([
      ['webp', 400, 600],
      ['webp', 171, 256],
    ]);
    expect(asset.derivatives[0]?.toolVersion).toBe(sharp.versions.sharp);

    expect(asset.stageRuns.map((r) => [r.stage, r.outcome, r.attempt])).toEqual([
      ['ingest', 'OK', 1],
      ['preprocess', 'OK', 1],
    ]);
    expect(asset.stageRuns[0]?.tools).toMatchObject({ sharp: sharp.versions.sharp });
    // One job, no second queue hop: both stages are recorded against the ingest job.
    expect(asset.stageRuns.map((r) => r.jobId)).toEqual([`ingest-${assetId}`, `ingest-${assetId}`]);
    expect(await getQueue('preprocess').getJob(`preprocess-${assetId}-THUMBNAIL`)).toBeUndefined();
  });

  it('a truncated JPEG is QUARANTINED as corrupt, without thumbnails', async () => {
    const jpeg = await noisyJpeg(800, 600, { seed: 1 });
    const { assetId } = await target.upload('cut.jpg', jpeg.subarray(0, Math.floor(jpeg.length * 0.6)));
    const asset = await settledAsset(assetId);
    expect(asset.stage).toBe('QUARANTINED');
    expect(asset.failureReason).toMatch(/^corrupt: /);
    expect(asset.derivatives).toEqual([]);
    expect(asset.stageRuns.at(-1)).toMatchObject({ outcome: 'QUARANTINED', error: asset.failureReason });
  });

  it('a retried corrupt JPEG runs through a worker again and is quarantined again, with a run of its own', async () => {
    const jpeg = await noisyJpeg(640, 480, { seed: 7 });
    const { assetId } = await target.upload('cut-again.jpg', jpeg.subarray(0, Math.floor(jpeg.length * 0.5)));
    const first = await settledAsset(assetId);
    expect(first.stage).toBe('QUARANTINED');

    // The worker takes the job within a millisecond: it must find the asset RAW, not still QUARANTINED.
    await retryAsset(target.ctx, { projectId: target.project.id, assetId });
    await waitFor(
      async () => (await db().assetStageRun.count({ where: { assetId, outcome: 'QUARANTINED' } })) === 2,
      'the retry to quarantine the asset again',
    );
    const again = await settledAsset(assetId);
    expect(again).toMatchObject({ stage: 'QUARANTINED', failureReason: first.failureReason });
    expect(again.stageRuns.at(-1)?.jobId).toMatch(new RegExp(`^ingest-${assetId}-retry-`));
  });

  it('a zero-byte file is QUARANTINED as zero_length', async () => {
    const { assetId } = await target.upload('empty.png', Buffer.alloc(0));
    const asset = await settledAsset(assetId);
    expect(asset).toMatchObject({ stage: 'QUARANTINED', failureReason: 'zero_length: the file is empty', stagedAt: null });
    expect(asset.stageRuns.map((r) => [r.stage, r.outcome])).toEqual([['ingest', 'QUARANTINED']]);
  });

  it('a PNG named .mp4 is ingested as the PNG it is', async () => {
    const { assetId } = await target.upload('clip.mp4', await smallPng(1));
    expect((await db().asset.findUniqueOrThrow({ where: { id: assetId } })).kind).toBe('VIDEO');
    const asset = await settledAsset(assetId);
    expect(asset).toMatchObject({ stage: 'READY', kind: 'IMAGE', mime: 'image/png', width: 64, height: 48 });
    expect(asset.derivatives).toHaveLength(2);
  });

  it('a 50,000 × 50,000 PNG header is QUARANTINED as a decompression bomb', async () => {
    const bomb = pngHeaderOnly(50_000, 50_000);
    expect(bomb.length).toBeLessThan(2_000);
    const { assetId } = await target.upload('huge.png', bomb);
    const asset = await settledAsset(assetId);
    expect(asset.stage).toBe('QUARANTINED');
    expect(asset.failureReason).toMatch(/^decompression_bomb: /);
  });

  it.each([
    ['page.html', '<!doctype html><html><body><script>alert(1)</script></body></html>'],
    ['logo.svg', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['bare.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'],
  ])('%s is QUARANTINED as unsupported_type', async (name, text) => {
    const { assetId } = await target.upload(name, Buffer.from(text));
    const asset = await settledAsset(assetId);
    expect(asset.stage).toBe('QUARANTINED');
    expect(asset.failureReason).toMatch(/^unsupported_type: /);
  });

  it('the same file twice is one asset with one set of derivatives; the second is a DUPLICATE item', async () => {
    const bytes = await noisyJpeg(320, 240, { seed: 2 });
    const first = await target.upload('a.jpg', bytes);
    const second = await target.upload('copy-of-a.jpg', bytes);
    expect(second).toMatchObject({ status: 'DUPLICATE', assetId: first.assetId, duplicateOf: first.assetId });
    const asset = await settledAsset(first.assetId);
    expect(asset.stage).toBe('READY');
    expect(asset.derivatives).toHaveLength(2);
    expect(await db().asset.count({ where: { projectId: target.project.id, blobSha256: asset.blobSha256 } })).toBe(1);
    expect(asset.stageRuns.map((r) => r.stage)).toEqual(['ingest', 'preprocess']);
  });

  it('running the ingest and preprocess jobs again changes nothing', async () => {
    const { assetId } = await target.upload('again.jpg', await noisyJpeg(500, 300, { seed: 3 }));
    const before = await settledAsset(assetId);
    expect(before.stage).toBe('READY');
    const payload = { v: 1 as const, projectId: target.project.id, assetId };
    const ingestAgain = await enqueue('ingest', payload, { jobIdSuffix: 'again' });
    const preprocessAgain = await enqueue('preprocess', { ...payload, kind: 'THUMBNAIL' }, { jobIdSuffix: 'again' });
    await waitForJobState('ingest', ingestAgain, 'completed');
    await waitForJobState('preprocess', preprocessAgain, 'completed');
    const after = await settledAsset(assetId);
    expect(after.stage).toBe('READY');
    expect(after.readyAt).toEqual(before.readyAt);
    expect(after.derivatives).toEqual(before.derivatives);
    expect(after.stageRuns).toEqual(before.stageRuns);
  });

  it('a job for an asset of another project does nothing to it', async () => {
    const { assetId } = await target.upload('mine.png', await smallPng(9));
    const asset = await settledAsset(assetId);
    const other = await importTarget();
    const jobId = await enqueue(
      'preprocess',
      { v: 1, projectId: other.project.id, assetId, kind: 'THUMBNAIL' },
      { jobIdSuffix: 'x' },
    );
    await waitForJobState('preprocess', jobId, 'completed');
    const job = await getQueue('preprocess').getJob(jobId);
    expect(job?.returnvalue).toEqual({ skipped: 'no such asset in this project' });
    expect((await settledAsset(assetId)).stageRuns).toEqual(asset.stageRuns);
  });
});
