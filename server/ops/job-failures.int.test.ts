import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorCtx } from '@/tests/api/api-users';
import type { Ctx } from '../context';
import { db } from '../db';
import { closeQueues, getQueue } from '../jobs/enqueue';
import { discardJobFailure } from './discard-job-failure';
import { listJobFailures } from './list-job-failures';
import { retryJobFailure } from './retry-job-failure';

let admin: Ctx;
let owner: Ctx;
let projectId: string;

beforeAll(async () => {
  [admin, owner] = await Promise.all([actorCtx({ isSiteAdmin: true }), actorCtx()]);
  const project = await db().project.create({
    data: {
      slug: 'birds',
      name: 'Birds',
      createdById: owner.actor.id,
      memberships: { create: { userId: owner.actor.id, role: 'OWNER' } },
    },
  });
  projectId = project.id;
});
afterAll(closeQueues);

let seq = 0;
function deadLetter(data: { queue?: string; payload?: object; failedAt?: Date; discardedAt?: Date } = {}) {
  seq += 1;
  return db().jobFailure.create({
    data: {
      queue: data.queue ?? 'ingest',
      jobId: `ingest-asset${seq}`,
      jobName: 'probe',
      projectId,
      payload: data.payload ?? { v: 1, projectId, assetId: `asset${seq}` },
      reason: 'ffprobe exited with 1',
      stack: 'Error: ffprobe exited with 1\n    at /srv/loupe/server/media/probe.ts:10',
      attemptsMade: 5,
      failedAt: data.failedAt ?? new Date(Date.UTC(2026, 10, 1, 0, 0, seq)),
      discardedAt: data.discardedAt,
    },
  });
}

describe('dead-letter operations', () => {
  it('lists newest first across pages, hides discarded ones by default and never shows a stack', async () => {
    await db().jobFailure.deleteMany();
    const rows = [await deadLetter(), await deadLetter(), await deadLetter(), await deadLetter({ discardedAt: new Date() })];
    const first = await listJobFailures(admin, { limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([rows[2]?.id, rows[1]?.id]);
    expect(first.items[0]).not.toHaveProperty('stack');
    expect(first.items[0]?.failedAt).toBe(rows[2]?.failedAt.toISOString());
    const second = await listJobFailures(admin, { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second).toEqual({ items: [expect.objectContaining({ id: rows[0]?.id })], nextCursor: null });
    const all = await listJobFailures(admin, { limit: 10, includeDiscarded: true });
    expect(all.items).toHaveLength(4);
    expect((await listJobFailures(admin, { limit: 10, queue: 'export' })).items).toHaveLength(0);
  });

  it('is closed to everyone but site admins, project owners included', async () => {
    const row = await deadLetter();
    await expect(listJobFailures(owner, { limit: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(retryJobFailure(owner, { failureId: row.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(discardJobFailure(owner, { failureId: row.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db().jobFailure.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      retriedAt: null,
      discardedAt: null,
    });
  });

  it('retries once: a new job with the same payload, the row marked, an audit event written', async () => {
    const row = await deadLetter();
    const result = await retryJobFailure(admin, { failureId: row.id });
    expect(result.jobId).toBe(`${row.jobId}-retry-${row.id}`);
    expect(result.failure.retriedAt).not.toBeNull();
    expect((await getQueue('ingest').getJob(result.jobId))?.data).toEqual(row.payload);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { subjectId: row.id, action: 'jobFailure.retry' } });
    expect(audit).toMatchObject({ actorId: admin.actor.id, projectId, subjectType: 'JobFailure' });
    await expect(retryJobFailure(admin, { failureId: row.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses to retry a payload the queue no longer accepts, leaving the row unmarked', async () => {
    const row = await deadLetter({ payload: { v: 1, assetId: 'x' } });
    await expect(retryJobFailure(admin, { failureId: row.id })).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
    expect((await db().jobFailure.findUniqueOrThrow({ where: { id: row.id } })).retriedAt).toBeNull();
    expect(await db().auditEvent.count({ where: { subjectId: row.id } })).toBe(0);
  });

  it('refuses a queue that no longer exists and answers 404 for an unknown failure', async () => {
    const row = await deadLetter({ queue: 'transcode' });
    await expect(retryJobFailure(admin, { failureId: row.id })).rejects.toMatchObject({ code: 'UNPROCESSABLE' });
    await expect(retryJobFailure(admin, { failureId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(discardJobFailure(admin, { failureId: 'nope' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('discards: gone from the default list, audited, and a second discard conflicts', async () => {
    const row = await deadLetter({ failedAt: new Date(Date.UTC(2030, 0, 1)) });
    const discarded = await discardJobFailure(admin, { failureId: row.id });
    expect(discarded.discardedAt).not.toBeNull();
    expect((await listJobFailures(admin, { limit: 50 })).items.map((i) => i.id)).not.toContain(row.id);
    expect(await db().auditEvent.count({ where: { subjectId: row.id, action: 'jobFailure.discard' } })).toBe(1);
    await expect(discardJobFailure(admin, { failureId: row.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(retryJobFailure(admin, { failureId: row.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('audits a failure whose project is gone without linking the project', async () => {
    const row = await deadLetter({ payload: { v: 1, projectId: 'deleted-project', assetId: 'a1' } });
    await db().jobFailure.update({ where: { id: row.id }, data: { projectId: 'deleted-project' } });
    await discardJobFailure(admin, { failureId: row.id });
    expect(await db().auditEvent.findFirstOrThrow({ where: { subjectId: row.id } })).toMatchObject({ projectId: null });
  });
});
