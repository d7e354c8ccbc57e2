import { randomBytes } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectWithEveryRole } from '@/tests/api/api-users';
import { callApi, json } from '@/tests/api/call-api';
import { freshBatch, ownerCtx, tusCreateHeaders } from '@/tests/api/matrix-fixtures';
import { db } from '@/server/db';
import { env } from '@/server/env';
import { closeQueues, getQueue } from '@/server/jobs/enqueue';
import { blobStore } from '@/server/storage/blob-store';
import { sweepExpiredUploads } from '@/server/uploads/sweep-expired-uploads';
import * as uploadRoute from '@/app/api/v1/projects/[projectId]/uploads/[uploadId]/route';

// A small upload limit for the 413 case; read when server/env.ts first parses (inside the tests).
process.env.MAX_UPLOAD_BYTES = '4096';

let world: Awaited<ReturnType<typeof projectWithEveryRole>>;
let token: string;
let batchId: string;

beforeAll(async () => {
  world = await projectWithEveryRole();
  token = world.members.DATA_LEAD.token;
  batchId = await freshBatch(ownerCtx(world.members.OWNER.user), world.project.id);
});

afterAll(async () => {
  await closeQueues();
});

const put = (bytes: Uint8Array | string, name = 'photo.jpg', query = '') =>
  callApi('PUT', `/projects/${world.project.id}/imports/${batchId}/files?name=${encodeURIComponent(name)}${query}`, {
    token,
    rawBody: bytes,
    headers: { 'content-type': 'application/octet-stream' },
  });

describe('raw upload (PUT …/files)', () => {
  it('stores the bytes by hash, creates a RAW asset with its capture time and queues its ingest', async () => {
    const bytes = randomBytes(2000);
    const response = await put(bytes, 'dir/../cat.jpg', '&capturedAt=2026-01-02T03:04:05Z&device=cam-1');
    expect(response.status).toBe(201);
    const body = await json<{ assetId: string; status: string; item: { name: string } }>(response);
    expect(body).toMatchObject({ status: 'ACCEPTED', item: { name: 'cat.jpg' } });
    const asset = await db().asset.findUniqueOrThrow({ where: { id: body.assetId } });
    expect(asset).toMatchObject({ stage: 'RAW', kind: 'IMAGE', bytes: 2000n, device: 'cam-1', source: 'UPLOAD' });
    expect(asset.capturedAt?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(await buffer(await blobStore().openRead(asset.blobSha256))).toEqual(bytes);
    expect(await getQueue('ingest').getJob(`ingest-${body.assetId}`)).toBeDefined();
  });

  it('the same bytes again: 201, status DUPLICATE, pointing at the first asset, no second asset', async () => {
    const bytes = randomBytes(1500);
    const first = await json<{ assetId: string }>(await put(bytes, 'a.png'));
    const again = await put(bytes, 'b.png');
    expect(again.status).toBe(201);
    const body = await json<{ assetId: string; status: string; duplicateOf: string; item: { reason: string } }>(again);
    expect(body).toMatchObject({ status: 'DUPLICATE', assetId: first.assetId, duplicateOf: first.assetId });
    expect(body.item.reason).toContain(first.assetId);
    expect(
      await db().asset.count({
        where: {
          projectId: world.project.id,
          blobSha256: (await db().asset.findUniqueOrThrow({ where: { id: first.assetId } })).blobSha256,
        },
      }),
    ).toBe(1);
  });

  it('past MAX_UPLOAD_BYTES: 413 problem, and nothing is kept', async () => {
    expect(env().MAX_UPLOAD_BYTES).toBe(4096);
    const before = await db().asset.count();
    const response = await put(randomBytes(5000), 'big.jpg');
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await db().asset.count()).toBe(before);
    expect(await readdir(path.join(env().DATA_DIR, 'blobs', '.tmp'))).toEqual([]);
  });

  it('a reviewer may not upload (403); a batch of another project is not found (404)', async () => {
    const asReviewer = await callApi('PUT', `/projects/${world.project.id}/imports/${batchId}/files?name=x.jpg`, {
      token: world.members.REVIEWER.token,
      rawBody: 'x',
    });
    expect(asReviewer.status).toBe(403);
    const foreignBatch = await freshBatch(ownerCtx(world.outsider.user), world.otherProject.id);
    expect(
      (await callApi('PUT', `/projects/${world.project.id}/imports/${foreignBatch}/files?name=x.jpg`, { token, rawBody: 'x' }))
        .status,
    ).toBe(404);
  });
});

const TUS = { 'tus-resumable': '1.0.0' };

async function createTus(length: number, filename: string, projectId = world.project.id, as = token, batch = batchId) {
  const response = await callApi('POST', `/projects/${projectId}/uploads`, {
    token: as,
    headers: tusCreateHeaders(batch, length, filename),
  });
  expect(response.status).toBe(201);
  const location = response.headers.get('location')!;
  expect(location).toMatch(new RegExp(`^/api/v1/projects/${projectId}/uploads/[a-z0-9]+-[0-9a-f]{32}$`));
  return location.slice('/api/v1'.length);
}

const patch = (uploadPath: string, offset: number, bytes: Uint8Array) =>
  callApi('PATCH', uploadPath, {
    token,
    rawBody: bytes,
    headers: { ...TUS, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
  });

const offsetOf = async (uploadPath: string) => {
  const response = await callApi('HEAD', uploadPath, { token, headers: TUS });
  expect(response.status).toBe(200);
  return Number(response.headers.get('upload-offset'));
};

describe('resumable upload (tus 1.0)', () => {
  it('chunks, then a dropped connection mid-PATCH, resume from HEAD offset, finish → ingested, tus file gone', async () => {
    const bytes = randomBytes(3000);
    const uploadPath = await createTus(bytes.length, 'long.wav');
    expect(await offsetOf(uploadPath)).toBe(0);

    const first = await patch(uploadPath, 0, bytes.subarray(0, 1000));
    expect(first.status).toBe(204);
    expect(first.headers.get('upload-offset')).toBe('1000');
    expect(first.headers.get('loupe-asset-id')).toBeNull();

    // The next chunk's connection drops after 500 bytes arrived.
    const dropped = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(1000, 1500));
      },
      pull(controller) {
        controller.error(new Error('connection reset'));
      },
    });
    const [projectId, uploadId] = uploadPath
      .split('/')
      .filter(Boolean)
      .filter((_, i) => i === 1 || i === 3);
    const request = new Request(`http://localhost/api/v1${uploadPath}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${token}`,
        ...TUS,
        'upload-offset': '1000',
        'content-type': 'application/offset+octet-stream',
      },
      body: dropped,
      duplex: 'half',
    } as RequestInit);
    const interrupted = await uploadRoute.PATCH(request, {
      params: Promise.resolve({ projectId: projectId!, uploadId: uploadId! }),
    });
    expect(interrupted.ok).toBe(false);

    const resumeAt = await offsetOf(uploadPath);
    expect(resumeAt).toBeGreaterThanOrEqual(1000);
    expect(resumeAt).toBeLessThanOrEqual(1500);
    // A PATCH at a stale offset is refused (409) rather than corrupting the file.
    expect((await patch(uploadPath, 0, bytes.subarray(0, 10))).status).toBe(409);

    const last = await patch(uploadPath, resumeAt, bytes.subarray(resumeAt));
    expect(last.status).toBe(204);
    expect(last.headers.get('loupe-import-status')).toBe('ACCEPTED');
    const assetId = last.headers.get('loupe-asset-id')!;
    const asset = await db().asset.findUniqueOrThrow({ where: { id: assetId }, include: { importItems: true } });
    expect(asset).toMatchObject({ filename: 'long.wav', kind: 'AUDIO', bytes: 3000n, importBatchId: batchId, source: 'UPLOAD' });
    expect(await buffer(await blobStore().openRead(asset.blobSha256))).toEqual(bytes);
    expect(await readdir(path.join(env().DATA_DIR, 'uploads'))).toEqual([]);
    expect((await callApi('HEAD', uploadPath, { token, headers: TUS })).status).toBe(404);
  });

  it('a duplicate finishes with Loupe-Import-Status DUPLICATE and the existing asset id', async () => {
    const bytes = randomBytes(800);
    const first = await json<{ assetId: string }>(await put(bytes, 'orig.jpg'));
    const uploadPath = await createTus(bytes.length, 'copy.jpg');
    const done = await patch(uploadPath, 0, bytes);
    expect(done.status).toBe(204);
    expect(done.headers.get('loupe-import-status')).toBe('DUPLICATE');
    expect(done.headers.get('loupe-asset-id')).toBe(first.assetId);
    expect(done.headers.get('loupe-duplicate-of')).toBe(first.assetId);
  });

  it('refuses a missing batchId/filename (400), a foreign batch (404), a too-large length (413)', async () => {
    const noMeta = await callApi('POST', `/projects/${world.project.id}/uploads`, {
      token,
      headers: { ...TUS, 'upload-length': '10' },
    });
    expect(noMeta.status).toBe(400);
    expect(noMeta.headers.get('content-type')).toBe('application/problem+json');
    const foreignBatch = await freshBatch(ownerCtx(world.outsider.user), world.otherProject.id);
    const foreign = await callApi('POST', `/projects/${world.project.id}/uploads`, {
      token,
      headers: tusCreateHeaders(foreignBatch, 10),
    });
    expect(foreign.status).toBe(404);
    const huge = await callApi('POST', `/projects/${world.project.id}/uploads`, {
      token,
      headers: tusCreateHeaders(batchId, 5000),
    });
    expect(huge.status).toBe(413);
  });

  it("another project's upload id answers 404 on every verb, even to a member of both paths' projects", async () => {
    const outsiderBatch = await freshBatch(ownerCtx(world.outsider.user), world.otherProject.id);
    const theirs = await createTus(10, 'theirs.bin', world.otherProject.id, world.outsider.token, outsiderBatch);
    const theirId = theirs.split('/').pop()!;
    // The outsider addresses their own upload under a project they are not in, and we do likewise.
    for (const method of ['HEAD', 'PATCH', 'DELETE']) {
      const asUs = await callApi(method, `/projects/${world.project.id}/uploads/${theirId}`, {
        token,
        headers: { ...TUS, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
        rawBody: method === 'PATCH' ? 'abc' : undefined,
      });
      expect(asUs.status).toBe(404);
    }
    expect((await callApi('HEAD', theirs, { token: world.outsider.token, headers: TUS })).status).toBe(200);
  });

  it('an abandoned upload expires: clients are told when, and the sweep deletes its bytes but not a fresh one', async () => {
    const abandoned = await createTus(100, 'abandoned.bin');
    const fresh = await createTus(100, 'fresh.bin');
    const appended = await patch(fresh, 0, randomBytes(10));
    const expires = Date.parse(appended.headers.get('upload-expires') ?? '');
    expect(expires - Date.now()).toBeGreaterThan(23 * 3600_000);
    // Created two days ago, as far as its record says.
    const info = path.join(env().DATA_DIR, 'uploads', `${abandoned.split('/').pop()}.json`);
    const record = JSON.parse(await readFile(info, 'utf8')) as { creation_date: string };
    await writeFile(info, JSON.stringify({ ...record, creation_date: new Date(Date.now() - 48 * 3600_000).toISOString() }));

    expect(await sweepExpiredUploads()).toBe(1);
    expect((await callApi('HEAD', abandoned, { token, headers: TUS })).status).toBe(404);
    expect(await offsetOf(fresh)).toBe(10);
  });

  it('DELETE cancels an unfinished upload and removes its bytes', async () => {
    const uploadPath = await createTus(100, 'gone.bin');
    await patch(uploadPath, 0, randomBytes(40));
    expect((await callApi('DELETE', uploadPath, { token, headers: TUS })).status).toBe(204);
    expect((await callApi('HEAD', uploadPath, { token, headers: TUS })).status).toBe(404);
    expect(
      (await readdir(path.join(env().DATA_DIR, 'uploads'))).filter((f) => uploadPath.endsWith(f.replace(/\.json$/, ''))),
    ).toEqual([]);
  });
});
