import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createImportBatch } from '@/prisma/factories/create-import-batch';
import { db } from '@/server/db';
import { closeQueues, getQueue } from '@/server/jobs/enqueue';
import { QUEUES } from '@/server/jobs/queues';
import { PENDING_GRACE_MS, requeuePendingItems } from '@/server/imports/requeue-pending-items';
import { allowAddressesForTests } from '@/server/net/safe-fetch';
import { redirectTo, startTestOrigin, type TestOrigin } from '@/server/net/test-origin';
import { projectWithEveryRole } from '@/tests/api/api-users';
import { callApi, json } from '@/tests/api/call-api';
import { startWorkers, type WorkerPool } from '@/workers/start-workers';
import { waitFor } from '@/workers/test-support';

// URL and manifest imports end to end: the real routes queue fetch jobs, a real worker downloads from
// an origin on 127.0.0.1 (let through only by the test allowance for its exact port), and the items
// settle as ACCEPTED, DUPLICATE or REJECTED with a reason.

let origin: TestOrigin;
let closedPort: number;
let workers: WorkerPool;
let world: Awaited<ReturnType<typeof projectWithEveryRole>>;
type Item = { id: string; name: string; status: string; reason: string | null; assetId: string | null };

beforeAll(async () => {
  const png = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#3366cc' } })
    .png()
    .toBuffer();
  origin = await startTestOrigin({
    '/photos/street%201.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png),
    '/photo-again.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png),
    '/to-metadata': redirectTo('http://169.254.169.254/latest/meta-data/'),
  });
  const closed = await startTestOrigin({});
  closedPort = closed.port;
  await closed.close();
  allowAddressesForTests((t) => t.address === '127.0.0.1' && (t.port === origin.port || t.port === closedPort));
  world = await projectWithEveryRole();
  workers = startWorkers({ queues: ['fetch'], log: () => undefined });
});

afterAll(async () => {
  allowAddressesForTests(undefined);
  await workers.close();
  await closeQueues();
  await origin.close();
});

async function newBatch(source: 'URL' | 'MANIFEST' = 'URL'): Promise<string> {
  const batch = await createImportBatch(db(), {
    projectId: world.project.id,
    source,
    label: `t-${Math.random()}`,
    createdById: world.members.DATA_LEAD.user.id,
  });
  return batch.id;
}

async function settled(batchId: string, count: number): Promise<Item[]> {
  return waitFor(async () => {
    const items = await db().importItem.findMany({ where: { batchId }, orderBy: { createdAt: 'asc' } });
    return items.length === count && items.every((i) => i.status !== 'PENDING') && items;
  }, `items of batch ${batchId} to settle`);
}

describe('POST …/imports/{batchId}/urls', () => {
  it('fetches good URLs into RAW assets and rejects refused or missing ones with the reason', async () => {
    const batchId = await newBatch();
    const response = await callApi('POST', `/projects/${world.project.id}/imports/${batchId}/urls`, {
      token: world.members.DATA_LEAD.token,
      body: {
        urls: [
          { url: origin.url('/photos/street%201.png'), device: 'cam-7', metadata: { route: 'north' } },
          { url: origin.url('/to-metadata'), name: 'sneaky' },
          { url: origin.url('/missing.jpg') },
        ],
      },
    });
    expect(response.status).toBe(202);
    const { items } = await json<{ items: Item[] }>(response);
    expect(items.map((i) => [i.name, i.status])).toEqual([
      ['street 1.png', 'PENDING'],
      ['sneaky', 'PENDING'],
      ['missing.jpg', 'PENDING'],
    ]);

    const byName = new Map((await settled(batchId, 3)).map((i) => [i.name, i]));
    const [photo, sneaky, missing] = ['street 1.png', 'sneaky', 'missing.jpg'].map((name) => byName.get(name));
    expect(photo).toMatchObject({ status: 'ACCEPTED', reason: null });
    const asset = await db().asset.findUniqueOrThrow({ where: { id: photo!.assetId! } });
    expect(asset).toMatchObject({ stage: 'RAW', kind: 'IMAGE', source: 'URL', mime: 'image/png', device: 'cam-7' });
    expect(asset.sourceUri).toBe(origin.url('/photos/street%201.png'));
    expect(asset.metadata).toEqual({ route: 'north' });
    expect(sneaky).toMatchObject({ status: 'REJECTED', reason: expect.stringMatching(/169\.254\.169\.254 is a link-local/) });
    expect(missing).toMatchObject({ status: 'REJECTED', reason: `HTTP 404 from 127.0.0.1:${origin.port}` });
    // Refusals are settled, not failed: nothing for the dead-letter table.
    expect(await db().jobFailure.count({ where: { queue: 'fetch' } })).toBe(0);
  });

  it('marks the same bytes from another URL as a duplicate of the first asset', async () => {
    const first = await db().asset.findFirstOrThrow({ where: { projectId: world.project.id, source: 'URL' } });
    const batchId = await newBatch();
    const response = await callApi('POST', `/projects/${world.project.slug}/imports/${batchId}/urls`, {
      token: world.members.OWNER.token,
      body: { urls: [{ url: origin.url('/photo-again.png') }] },
    });
    expect(response.status).toBe(202);
    const [item] = await settled(batchId, 1);
    expect(item).toMatchObject({ status: 'DUPLICATE', assetId: first.id });
  });

  it('refuses the same loopback origin once the test allowance is gone (the production rule)', async () => {
    allowAddressesForTests(undefined);
    try {
      const batchId = await newBatch();
      await callApi('POST', `/projects/${world.project.id}/imports/${batchId}/urls`, {
        token: world.members.OWNER.token,
        body: { urls: [{ url: origin.url('/photo-again.png') }] },
      });
      const [item] = await settled(batchId, 1);
      expect(item).toMatchObject({ status: 'REJECTED', reason: expect.stringMatching(/127\.0\.0\.1 is a loopback address/) });
    } finally {
      allowAddressesForTests((t) => t.address === '127.0.0.1' && (t.port === origin.port || t.port === closedPort));
    }
  });

  it('rejects an unreachable URL after its last attempt and leaves a dead letter', async () => {
    const batchId = await newBatch();
    const item = await db().importItem.create({
      data: { batchId, name: 'down.png', sourceUri: `http://127.0.0.1:${closedPort}/down.png`, status: 'PENDING' },
    });
    // Enqueued with a single attempt, so this run is the last one (the real queue retries 4 times).
    const payload = { v: 1 as const, projectId: world.project.id, batchId, itemId: item.id };
    await getQueue('fetch').add('url', payload, { jobId: QUEUES.fetch.jobId(payload), attempts: 1 });
    const [settledItem] = await settled(batchId, 1);
    expect(settledItem).toMatchObject({ status: 'REJECTED', reason: expect.stringMatching(/ECONNREFUSED/) });
    const failure = await waitFor(
      () => db().jobFailure.findFirst({ where: { queue: 'fetch', jobId: QUEUES.fetch.jobId(payload) } }),
      'a dead letter',
    );
    expect(failure.reason).toMatch(/ECONNREFUSED/);
  });
});

describe('POST …/imports/{batchId}/manifest', () => {
  it('queues http rows, rejects bad rows and server paths with line numbers', async () => {
    const batchId = await newBatch('MANIFEST');
    const csv = [
      'uri,name,captured_at,device,weather',
      `${origin.url('/photo-again.png')},"again, from manifest",2026-05-01,cam-2,rain`,
      'photos/local.png,,,,',
      `${origin.url('/x.png')},,last tuesday,,`,
    ].join('\n');
    const response = await callApi('POST', `/projects/${world.project.id}/imports/${batchId}/manifest`, {
      token: world.members.OWNER.token,
      rawBody: csv,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(response.status).toBe(202);
    const { items } = await json<{ items: Item[] }>(response);
    expect(items.map((i) => [i.status, i.reason])).toEqual([
      ['PENDING', null],
      ['REJECTED', 'line 3: only http(s) URLs can be imported through the API; use the CLI for server files'],
      ['REJECTED', expect.stringMatching(/^line 4: captured_at: not an ISO 8601/)],
    ]);
    const all = await settled(batchId, 3);
    expect(all.find((i) => i.name === 'again, from manifest')).toMatchObject({ status: 'DUPLICATE' });
  });

  it('refuses an unknown content type and an oversized manifest', async () => {
    const batchId = await newBatch('MANIFEST');
    const path = `/projects/${world.project.id}/imports/${batchId}/manifest`;
    const wrongType = await callApi('POST', path, {
      token: world.members.OWNER.token,
      rawBody: 'uri\n',
      headers: { 'content-type': 'application/pdf' },
    });
    expect(wrongType.status).toBe(400);
    const huge = `uri\n${'https://example.com/a.png\n'.repeat(900_000)}`;
    const tooBig = await callApi('POST', path, {
      token: world.members.OWNER.token,
      rawBody: huge,
      headers: { 'content-type': 'text/csv' },
    });
    expect(tooBig.status).toBe(413);
  });
});

describe('requeuePendingItems', () => {
  it('queues the fetch of an item whose job was never queued, once it has waited past the grace period', async () => {
    const batchId = await newBatch();
    // Items committed whose enqueue never happened (as when Redis drops out right after the commit).
    const lost = await db().importItem.create({
      data: {
        batchId,
        name: 'lost.png',
        sourceUri: origin.url('/photo-again.png'),
        status: 'PENDING',
        createdAt: new Date(Date.now() - PENDING_GRACE_MS - 60_000),
      },
    });
    const recent = await db().importItem.create({
      data: { batchId, name: 'recent.png', sourceUri: origin.url('/photo-again.png'), status: 'PENDING' },
    });

    expect(await requeuePendingItems()).toBeGreaterThanOrEqual(1);
    const fetched = await waitFor(async () => {
      const item = await db().importItem.findUniqueOrThrow({ where: { id: lost.id } });
      return item.status !== 'PENDING' && item;
    }, 'the lost item to be fetched');
    expect(['ACCEPTED', 'DUPLICATE']).toContain(fetched.status);
    expect(fetched.assetId).not.toBeNull();
    // Still within its grace period: its own enqueue may yet be on its way, so it is left alone.
    expect(
      await getQueue('fetch').getJob(QUEUES.fetch.jobId({ v: 1, projectId: world.project.id, batchId, itemId: recent.id })),
    ).toBeUndefined();
    expect((await db().importItem.findUniqueOrThrow({ where: { id: recent.id } })).status).toBe('PENDING');
  });
});
