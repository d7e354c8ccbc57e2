import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TAssetDetail, TAssetList } from '@/lib/schemas/asset';
import { projectWithEveryRole } from '@/tests/api/api-users';
import { callApi, json } from '@/tests/api/call-api';
import { freshBatch, ownerCtx } from '@/tests/api/matrix-fixtures';
import { db } from '../db';
import { closeQueues, getQueue } from '../jobs/enqueue';
import { blobStore } from '../storage/blob-store';
import { registerBlobs } from '../storage/register-blob';

let world: Awaited<ReturnType<typeof projectWithEveryRole>>;
let token: string;
let batchId: string;
let png: Buffer;
let pngId: string;

const base = () => `/projects/${world.project.id}`;
const put = async (bytes: Uint8Array | string, name: string, query = '', batch = batchId) => {
  const response = await callApi('PUT', `${base()}/imports/${batch}/files?name=${encodeURIComponent(name)}${query}`, {
    token,
    rawBody: bytes,
  });
  expect(response.status).toBe(201);
  return (await json<{ assetId: string }>(response)).assetId;
};
const get = (path: string, headers: Record<string, string> = {}, as = token) => callApi('GET', path, { token: as, headers });

beforeAll(async () => {
  world = await projectWithEveryRole();
  token = world.members.OWNER.token;
  batchId = await freshBatch(ownerCtx(world.members.OWNER.user), world.project.id);
  png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366cc' } })
    .png()
    .toBuffer();
  pngId = await put(png, 'blue.png');
});

afterAll(async () => {
  await closeQueues();
});

describe('serving the original bytes', () => {
  it('a PNG: inline as image/png, immutable cache keyed by sha256, nosniff and a sandboxing CSP', async () => {
    const response = await get(`${base()}/assets/${pngId}/content`);
    expect(response.status).toBe(200);
    const { blobSha256 } = await db().asset.findUniqueOrThrow({ where: { id: pngId } });
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/png',
      etag: `"${blobSha256}"`,
      'cache-control': 'private, max-age=31536000, immutable',
      'accept-ranges': 'bytes',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'content-length': String(png.length),
    });
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="blue.png"/);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
    expect((await get(`${base()}/assets/${pngId}/content`, { 'if-none-match': `"${blobSha256}"` })).status).toBe(304);
  });

  it('range requests: 206 with the exact bytes and Content-Range; 416 past the end', async () => {
    const path = `${base()}/assets/${pngId}/content`;
    const first = await get(path, { range: 'bytes=0-9' });
    expect(first.status).toBe(206);
    expect(first.headers.get('content-range')).toBe(`bytes 0-9/${png.length}`);
    expect(Buffer.from(await first.arrayBuffer())).toEqual(png.subarray(0, 10));
    const tail = await get(path, { range: 'bytes=-16' });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(png.subarray(png.length - 16));
    const middle = await get(path, { range: `bytes=20-` });
    expect(Buffer.from(await middle.arrayBuffer())).toEqual(png.subarray(20));
    const beyond = await get(path, { range: `bytes=${png.length}-` });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${png.length}`);
    expect((await get(path, { range: 'bytes=9-2' })).status).toBe(416);
  });

  it('SVG, HTML (even named .png and declared image/png) and unknown bytes are attachments, never rendered', async () => {
    const svg = await put('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'evil.svg');
    const html = await callApi('PUT', `${base()}/imports/${batchId}/files?name=photo.png`, {
      token,
      rawBody: '<!doctype html><html><script>alert(document.cookie)</script></html>',
      headers: { 'content-type': 'image/png' },
    });
    const htmlId = (await json<{ assetId: string }>(html)).assetId;
    const unknown = await put(randomBytes(300), 'mystery.dat');
    for (const id of [svg, htmlId, unknown]) {
      const response = await get(`${base()}/assets/${id}/content`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/octet-stream');
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; /);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    }
  });

  it("another project's asset is 404 for content, derivative and detail; reviewers and annotators may read", async () => {
    const foreign = `/projects/${world.otherProject.id}/assets/${pngId}`;
    expect((await get(`${foreign}/content`)).status).toBe(404);
    const outsider = world.outsider.token;
    expect((await get(`${base()}/assets/${pngId}/content`, {}, outsider)).status).toBe(404);
    expect((await get(`${base()}/assets/${pngId}`, {}, outsider)).status).toBe(404);
    expect((await get(`${base()}/assets/${pngId}/derivatives/thumbnail`, {}, outsider)).status).toBe(404);
    expect((await get(`${base()}/assets/${pngId}/content`, {}, world.members.ANNOTATOR.token)).status).toBe(200);
  });
});

describe('derivatives and detail', () => {
  it('thumbnailUrl is the 256 thumbnail, served as webp; the detail lists derivatives with urls and the batch', async () => {
    const thumb = await sharp(png).resize(32).webp().toBuffer();
    const stored = await blobStore().put(thumb);
    await registerBlobs(db(), [{ ...stored, mime: 'image/webp' }]);
    for (const variant of ['256', '1024']) {
      await db().assetDerivative.create({
        data: {
          assetId: pngId,
          kind: 'THUMBNAIL',
          variant,
          blobSha256: stored.sha256,
          mime: 'image/webp',
          tool: 'sharp',
          toolVersion: '0.35',
        },
      });
    }
    const detail = await json<TAssetDetail>(await get(`${base()}/assets/${pngId}`));
    expect(detail.thumbnailUrl).toBe(
      `/api/v1/projects/${world.project.id}/assets/${pngId}/derivatives/thumbnail?variant=256&v=${stored.sha256.slice(0, 12)}`,
    );
    expect(detail.derivatives.map((d) => d.variant)).toEqual(['1024', '256']);
    expect(detail).toMatchObject({
      filename: 'blue.png',
      stage: 'RAW',
      importBatch: { id: batchId, source: 'UPLOAD' },
      duplicateOf: null,
    });
    const served = await get(detail.thumbnailUrl!.slice('/api/v1'.length));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(thumb);
    expect((await get(`${base()}/assets/${pngId}/derivatives/peaks`)).status).toBe(404);
    expect((await get(`${base()}/assets/${pngId}/derivatives/nonsense`)).status).toBe(400);
  });
});

describe('listing', () => {
  let listBatch: string;
  beforeAll(async () => {
    listBatch = await freshBatch(ownerCtx(world.members.OWNER.user), world.project.id);
    for (let i = 0; i < 25; i++) {
      const name = i % 5 === 0 ? `song-${i}.wav` : `Street-${i}.jpg`;
      const id = await put(`list asset ${i}`, name, i % 2 === 0 ? '&device=cam-even' : '', listBatch);
      if (i % 5 === 0) await db().asset.update({ where: { id }, data: { metadata: { take: i, scene: 'night' } } });
      if (i === 3) await db().asset.update({ where: { id }, data: { stage: 'QUARANTINED', failureReason: 'corrupt: bad' } });
    }
  });

  const list = async (query: string) => json<TAssetList>(await get(`${base()}/assets?${query}`));

  it('pages newest first with a keyset cursor: every asset once, totals over all pages', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: TAssetList = await list(`batchId=${listBatch}&limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.total).toBe(25);
      seen.push(...page.items.map((a) => a.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(25);
    const rows = await db().asset.findMany({
      where: { importBatchId: listBatch },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    expect(seen).toEqual(rows.map((r) => r.id));
    expect((await get(`${base()}/assets?cursor=garbage`)).status).toBe(400);
  });

  it('filters by kind, stage, filename and metadata; stage counts cover the project', async () => {
    expect((await list(`batchId=${listBatch}&kind=AUDIO`)).total).toBe(5);
    const quarantined = await list(`batchId=${listBatch}&stage=QUARANTINED`);
    expect(quarantined.items.map((a) => a.filename)).toEqual(['Street-3.jpg']);
    expect(quarantined.items[0]?.failureReason).toBe('corrupt: bad');
    expect((await list(`batchId=${listBatch}&q=street`)).total).toBe(20);
    expect((await list(`q=street-1`)).items.map((a) => a.filename).sort()).toEqual([
      'Street-1.jpg',
      'Street-11.jpg',
      'Street-12.jpg',
      'Street-13.jpg',
      'Street-14.jpg',
      'Street-16.jpg',
      'Street-17.jpg',
      'Street-18.jpg',
      'Street-19.jpg',
    ]);
    expect((await list(`meta=${encodeURIComponent('scene=night')}`)).total).toBe(5);
    expect((await list(`meta=${encodeURIComponent('take=10')}`)).items.map((a) => a.filename)).toEqual(['song-10.wav']);
    const all = await list('limit=1');
    const total = await db().asset.count({ where: { projectId: world.project.id } });
    expect(Object.values(all.stageCounts).reduce((a, b) => a + b, 0)).toBe(total);
    expect(all.stageCounts.QUARANTINED).toBe(1);
  });
});

describe('retry and discard', () => {
  const quarantine = async (name: string) => {
    const id = await put(`to quarantine ${name} ${Math.random()}`, name);
    await db().asset.update({ where: { id }, data: { stage: 'QUARANTINED', failureReason: 'timeout: took too long' } });
    return id;
  };

  it('retry: QUARANTINED → RAW, reason cleared, a new ingest job, an audit event; a second retry is 409', async () => {
    const id = await quarantine('retry.jpg');
    const response = await callApi('POST', `${base()}/assets/${id}/retry`, { token });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id, stage: 'RAW', failureReason: null });
    const jobs = await getQueue('ingest').getJobs(['waiting']);
    expect(
      jobs
        .filter((j) => j.data.assetId === id)
        .map((j) => j.id)
        .sort(),
    ).toEqual([`ingest-${id}`, expect.stringMatching(new RegExp(`^ingest-${id}-retry-`))]);
    expect(await db().auditEvent.count({ where: { action: 'asset.retry', subjectId: id } })).toBe(1);
    expect((await callApi('POST', `${base()}/assets/${id}/retry`, { token })).status).toBe(409);
  });

  it('discard: only quarantined; removes the asset, keeps the blob and the import item', async () => {
    expect((await callApi('DELETE', `${base()}/assets/${pngId}`, { token })).status).toBe(409);
    const id = await quarantine('discard.jpg');
    const { blobSha256 } = await db().asset.findUniqueOrThrow({ where: { id } });
    expect((await callApi('DELETE', `${base()}/assets/${id}`, { token: world.members.REVIEWER.token })).status).toBe(403);
    expect((await callApi('DELETE', `${base()}/assets/${id}`, { token })).status).toBe(204);
    expect(await db().asset.findUnique({ where: { id } })).toBeNull();
    expect(await blobStore().has(blobSha256)).toBe(true);
    expect(await db().importItem.count({ where: { name: 'discard.jpg', assetId: null } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: 'asset.discard', subjectId: id } })).toBe(1);
    expect((await callApi('DELETE', `${base()}/assets/${id}`, { token })).status).toBe(404);
  });
});

describe('import batches', () => {
  it('create, list and get with item counts by status and asset counts by stage', async () => {
    const created = await callApi('POST', `${base()}/imports`, { token, body: { source: 'UPLOAD', label: 'Field trip' } });
    expect(created.status).toBe(201);
    const batch = await json<{ id: string; label: string }>(created);
    const bytes = randomBytes(100);
    const a = await put(bytes, 'one.jpg', '', batch.id);
    await put(bytes, 'one-again.jpg', '', batch.id);
    await db().asset.update({ where: { id: a }, data: { stage: 'READY' } });
    const one = await json<{ items: object; stages: object; itemList: { name: string; status: string }[] }>(
      await get(`${base()}/imports/${batch.id}`),
    );
    expect(one.items).toEqual({ pending: 0, accepted: 1, duplicate: 1, rejected: 0 });
    expect(one.stages).toEqual({ RAW: 0, STAGED: 0, READY: 1, QUARANTINED: 0 });
    expect(one.itemList.map((i) => [i.name, i.status])).toEqual([
      ['one-again.jpg', 'DUPLICATE'],
      ['one.jpg', 'ACCEPTED'],
    ]);
    const listed = await json<{ batches: { id: string; label: string }[] }>(await get(`${base()}/imports`));
    expect(listed.batches[0]).toMatchObject({ id: batch.id, label: 'Field trip' });
    expect((await get(`/projects/${world.otherProject.id}/imports/${batch.id}`)).status).toBe(404);
    expect((await get(`${base()}/imports/${batch.id}`, {}, world.outsider.token)).status).toBe(404);
  });
});
