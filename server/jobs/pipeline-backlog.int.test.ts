import { afterAll, beforeAll, expect, it } from 'vitest';
import { projectWithEveryRole } from '@/tests/api/api-users';
import { callApi } from '@/tests/api/call-api';
import { freshBatch, ownerCtx, tusCreateHeaders } from '@/tests/api/matrix-fixtures';
import { closeQueues, enqueue, getQueue } from './enqueue';
import { pipelineBacklog, resetPipelineBacklogCache } from './pipeline-backlog';

// A tiny limit, read when server/env.ts first parses (inside the tests). No worker runs here, so
// queued jobs stay waiting.
process.env.MAX_PIPELINE_BACKLOG = '3';

let world: Awaited<ReturnType<typeof projectWithEveryRole>>;
let batchId: string;

beforeAll(async () => {
  world = await projectWithEveryRole();
  batchId = await freshBatch(ownerCtx(world.members.OWNER.user), world.project.id);
});

afterAll(async () => {
  await closeQueues();
});

const put = (name: string, as = world.members.OWNER.token) =>
  callApi('PUT', `/projects/${world.project.id}/imports/${batchId}/files?name=${name}`, {
    token: as,
    rawBody: `bytes of ${name}`,
  });

it('over the backlog, uploads answer 429 with Retry-After; an outsider still gets 404; it recovers when drained', async () => {
  for (const name of ['a.jpg', 'b.jpg']) expect((await put(name)).status).toBe(201);
  await enqueue('fetch', { v: 1, projectId: world.project.id, batchId, itemId: 'waiting-fetch' });
  await getQueue('preprocess').add('thumbnail', {}, { jobId: 'delayed-one', delay: 60_000 });
  resetPipelineBacklogCache();
  expect(await pipelineBacklog()).toBe(4);

  const refused = await put('c.jpg');
  expect(refused.status).toBe(429);
  expect(refused.headers.get('content-type')).toBe('application/problem+json');
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  expect(await refused.json()).toMatchObject({ code: 'RATE_LIMITED' });

  const tus = await callApi('POST', `/projects/${world.project.id}/uploads`, {
    token: world.members.OWNER.token,
    headers: tusCreateHeaders(batchId, 10),
  });
  expect(tus.status).toBe(429);
  expect(tus.headers.get('retry-after')).toMatch(/^\d+$/);

  // Authorization comes first: the backlog is not revealed to non-members.
  expect((await put('d.jpg', world.outsider.token)).status).toBe(404);

  await Promise.all(['ingest', 'preprocess', 'fetch'].map((q) => getQueue(q as 'ingest').obliterate({ force: true })));
  resetPipelineBacklogCache();
  expect((await put('e.jpg')).status).toBe(201);
});

it('caches the count for about a second', async () => {
  resetPipelineBacklogCache();
  const now = Date.now();
  const first = pipelineBacklog(now);
  expect(pipelineBacklog(now + 500)).toBe(first);
  const later = pipelineBacklog(now + 1500);
  expect(later).not.toBe(first);
  await Promise.all([first, later]);
});
