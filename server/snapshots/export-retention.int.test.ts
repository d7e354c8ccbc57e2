import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember } from '@/prisma/factories/add-member';
import { userWithToken } from '@/tests/api/api-users';
import { callApi, json } from '@/tests/api/call-api';
import { readZip } from '@/tests/snapshots/read-zip';
import { snapshotFixture } from '@/tests/snapshots/snapshot-fixture';
import { startWorkers } from '@/workers/start-workers';
import { waitFor } from '@/workers/test-support';
import { db } from '../db';
import { closeQueues } from '../jobs/enqueue';
import { one, rows, sql } from '../sql';
import { blobStore } from '../storage/blob-store';
import { buildExport } from './build-export';
import { createSnapshot } from './create-snapshot';
import { expireExport } from './expire-export';
import { expireOldExports } from './expire-old-exports';
import { getExportFile } from './get-export-file';
import { requestExport } from './request-export';

// Retention against the real database, Redis and blob store: an expired export loses its zip but
// keeps its row, sha256 and size; "Rebuild" runs the export job again in a worker and publishes the
// very same bytes. Only a ready export expires (409 as problem+json); other projects' exports are 404.

let fx: Awaited<ReturnType<typeof snapshotFixture>>;
let lead: Awaited<ReturnType<typeof userWithToken>>;
let workers: ReturnType<typeof startWorkers>;
beforeAll(async () => {
  fx = await snapshotFixture({ items: 8, accepted: 8 });
  lead = await userWithToken();
  await addMember(db(), { projectId: fx.project.id, userId: lead.user.id, role: 'DATA_LEAD' });
  await createSnapshot(fx.owner, { projectId: fx.project.id, name: 'Kept a while' });
  workers = startWorkers({ queues: ['export'], log: () => undefined });
});
afterAll(async () => {
  await workers.close();
  await closeQueues();
});

const ref = { projectId: '', version: 1 };
const exportRow = async (id: string) =>
  (await one<{ status: string; blobSha256: string | null; bytes: string | null }>(
    sql`SELECT status::text AS status, "blobSha256", bytes::text AS bytes FROM "SnapshotExport" WHERE id = ${id}`,
  ))!;
async function readyExportOf(of: typeof fx, format: 'csv' | 'yolo' | 'jsonl'): Promise<string> {
  const requested = await requestExport(of.owner, { projectId: of.project.id, version: 1, format, includeMedia: false });
  // Built here; the worker may be on the same job: whichever finishes, the export ends READY.
  await buildExport(requested.id);
  await waitFor(async () => (await exportRow(requested.id)).status === 'READY', `the ${format} export to be READY`);
  return requested.id;
}
const readyExport = async (format: 'csv' | 'yolo' | 'jsonl') => {
  const id = await readyExportOf(fx, format);
  return { id, ...(await exportRow(id)) };
};
const blobRow = (sha256: string) => one(sql`SELECT sha256 FROM "Blob" WHERE sha256 = ${sha256}`);

describe('expiring an export', () => {
  it('removes the zip, keeps the row with its sha256 and size; a rebuild in the worker gives the same bytes', async () => {
    ref.projectId = fx.project.id;
    const built = await readyExport('yolo');
    const sha256 = built.blobSha256!;
    const before = await readZip(sha256);
    expect(await blobStore().has(sha256)).toBe(true);

    const expired = await expireExport(fx.owner, { ...ref, exportId: built.id });
    expect(expired).toMatchObject({ status: 'EXPIRED', sha256, bytes: Number(built.bytes), expiredAt: expect.any(String) });
    expect(await blobStore().has(sha256)).toBe(false);
    expect(await blobRow(sha256)).toBeUndefined();
    await expect(getExportFile(fx.owner, { ...ref, exportId: built.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Asking again is harmless: the same answer.
    expect(await expireExport(fx.owner, { ...ref, exportId: built.id })).toMatchObject({ status: 'EXPIRED', sha256 });
    const audit = await rows<{ after: { sha256: string } }>(
      sql`SELECT after FROM "AuditEvent" WHERE action = 'snapshot.export.expire' AND "projectId" = ${fx.project.id}`,
    );
    expect(audit.map((a) => a.after.sha256)).toEqual([sha256]);

    // Rebuild: the same request as the first time, run by the export worker.
    const rebuild = await requestExport(fx.owner, { projectId: fx.project.id, version: 1, format: 'yolo', includeMedia: false });
    expect(rebuild).toMatchObject({ id: built.id, status: 'QUEUED' });
    const rebuilt = await waitFor(async () => {
      const row = await exportRow(built.id);
      return row.status === 'READY' && row;
    }, 'the rebuilt export to be READY');
    expect(rebuilt).toEqual({ status: 'READY', blobSha256: sha256, bytes: built.bytes });
    expect(await blobStore().has(sha256)).toBe(true);
    expect(await blobRow(sha256)).toBeDefined();
    expect(await readZip(sha256)).toEqual(before);
    expect((await getExportFile(fx.owner, { ...ref, exportId: built.id })).sha256).toBe(sha256);
  });

  it('keeps a zip another export still points at (blobs are shared by content)', async () => {
    const built = await readyExport('jsonl');
    // A second row pointing at the same bytes, as two exports of identical content would.
    const twin = await one<{ id: string }>(
      sql`INSERT INTO "SnapshotExport" (id, "snapshotId", format, "includeMedia", status, "blobSha256", bytes, "requestedById")
        SELECT 'twin-' || id, "snapshotId", format, true, 'READY', "blobSha256", bytes, "requestedById" FROM "SnapshotExport"
        WHERE id = ${built.id} RETURNING id`,
    );
    await expireExport(fx.owner, { ...ref, exportId: built.id });
    expect(await blobStore().has(built.blobSha256!)).toBe(true);
    await expireExport(fx.owner, { ...ref, exportId: twin!.id });
    expect(await blobStore().has(built.blobSha256!)).toBe(false);
  });

  it('a second run of the same job finishing after the export expired leaves it expired, its file gone', async () => {
    const requested = await requestExport(fx.owner, {
      projectId: fx.project.id,
      version: 1,
      format: 'coco',
      includeMedia: false,
    });
    // Two runs of one job (as when a stalled job goes to a second worker) plus the worker's own.
    const first = buildExport(requested.id);
    const second = buildExport(requested.id);
    await first;
    await waitFor(async () => (await exportRow(requested.id)).status === 'READY', 'the export to be READY');
    const { blobSha256 } = await exportRow(requested.id);
    await expireExport(fx.owner, { ...ref, exportId: requested.id });
    await second;
    await waitFor(async () => !(await blobStore().has(blobSha256!)), 'the zip to be gone');
    expect(await exportRow(requested.id)).toMatchObject({ status: 'EXPIRED', blobSha256 });
  });

  it('only a ready export expires: a building one answers 409 as problem+json, and nothing changes', async () => {
    // A build under way (no job behind it, so no worker finishes it meanwhile).
    const building = await one<{ id: string }>(
      sql`INSERT INTO "SnapshotExport" (id, "snapshotId", format, status, "requestedById")
        SELECT 'building-' || id, id, 'voc', 'BUILDING', ${fx.owner.actor.id} FROM "Snapshot" WHERE "projectId" = ${fx.project.id}
        RETURNING id`,
    );
    const response = await callApi('POST', `/projects/${fx.project.slug}/snapshots/1/exports/${building!.id}/expire`, {
      token: lead.token,
    });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await json<{ detail: string }>(response)).detail).toBe('This export is building: only a ready export can be expired');
    expect((await exportRow(building!.id)).status).toBe('BUILDING');
  });

  it('404 for another snapshot version, a made-up id or another project’s export; 403 for an annotator', async () => {
    const built = await readyExport('csv');
    const other = await snapshotFixture({ items: 1, accepted: 1 });
    await createSnapshot(other.owner, { projectId: other.project.id, name: 'Theirs' });
    const theirs = await readyExportOf(other, 'jsonl');
    const call = (path: string) => callApi('POST', path, { token: lead.token });
    expect((await call(`/projects/${fx.project.id}/snapshots/2/exports/${built.id}/expire`)).status).toBe(404);
    expect((await call(`/projects/${fx.project.id}/snapshots/1/exports/nope/expire`)).status).toBe(404);
    expect((await call(`/projects/${fx.project.id}/snapshots/1/exports/${theirs}/expire`)).status).toBe(404);
    expect((await call(`/projects/${other.project.id}/snapshots/1/exports/${theirs}/expire`)).status).toBe(404);
    await expect(expireExport(fx.annotator, { ...ref, exportId: built.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await exportRow(theirs)).status).toBe('READY');
    expect((await exportRow(built.id)).status).toBe('READY');
  });
});

describe('the retention rule', () => {
  it('expires the ready exports finished more than N days ago; a dry run only lists them', async () => {
    const yolo = await readyExport('yolo');
    const csv = await readyExport('csv');
    await rows(sql`UPDATE "SnapshotExport" SET "readyAt" = now() - interval '40 days' WHERE id = ${yolo.id}`);
    const listed = await expireOldExports(fx.owner, { projectId: fx.project.slug, olderThanDays: 30, dryRun: true });
    expect(listed.exports.map((e) => [e.id, e.status, e.version])).toEqual([[yolo.id, 'READY', 1]]);
    expect(listed.bytes).toBe(Number(yolo.bytes));
    expect(await blobStore().has(yolo.blobSha256!)).toBe(true);

    const done = await expireOldExports(fx.owner, { projectId: fx.project.slug, olderThanDays: 30 });
    expect(done.exports.map((e) => [e.id, e.status])).toEqual([[yolo.id, 'EXPIRED']]);
    expect(await blobStore().has(yolo.blobSha256!)).toBe(false);
    expect((await exportRow(csv.id)).status).toBe('READY');
    expect((await expireOldExports(fx.owner, { projectId: fx.project.id, olderThanDays: 30 })).exports).toEqual([]);
    await expect(expireOldExports(fx.owner, { projectId: fx.project.id, olderThanDays: -1 })).rejects.toThrow();
    await expect(expireOldExports(fx.annotator, { projectId: fx.project.id, olderThanDays: 0 })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
