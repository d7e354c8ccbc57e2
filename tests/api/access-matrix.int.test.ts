import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_OPERATIONS } from '@/lib/api/all-operations';
import { db } from '@/server/db';
import { closeQueues } from '@/server/jobs/enqueue';
import { computeQualityReport } from '@/server/quality/compute-quality-report';
import { startWorkers } from '@/workers/start-workers';
import { projectWithEveryRole, ROLES, userWithToken } from './api-users';
import { callApi } from './call-api';
import * as fx from './matrix-fixtures';
import * as wf from './workflow-fixtures';
import { ALL, LEADS, OWNER_ONLY, ownerOf, idOf, type Caller, type Cell, type World } from './matrix-cell';
import { listRouteFiles } from './route-table';
import { DATASET_CELLS } from './dataset-cells';
import { TAXONOMY_CELLS } from './taxonomy-cells';

// Every /api/v1 operation × every role, on the caller's project and on a project they are not a
// member of, plus anonymous callers. Expected statuses are written out by hand (not derived from
// server/permissions.ts) so a permission change has to be made here on purpose too.

// An item of `kind` held by the caller (anonymous callers try the owner's), on the project asked for.
const held = (w: World, p: string, c: Caller, kind: 'LABEL' | 'REVIEW' | 'ADJUDICATE') =>
  wf.heldItem(fx.ownerCtx(ownerOf(w, p)), p, c.userId || ownerOf(w, p).id, kind);

const MATRIX: Record<string, Cell> = {
  getMe: { request: async () => ({ path: '/me' }), account: { member: 200, admin: 200 } },
  listApiTokens: { request: async () => ({ path: '/tokens' }), account: { member: 200, admin: 200 } },
  createApiToken: { request: async () => ({ path: '/tokens', body: { name: 'ci' } }), account: { member: 201, admin: 201 } },
  revokeApiToken: {
    // Anonymous callers try someone's real token id.
    request: async (w, _p, caller) => ({ path: `/tokens/${await fx.freshToken(caller.userId || w.members.ANNOTATOR.user.id)}` }),
    account: { member: 204, admin: 204 },
  },
  listProjects: { request: async () => ({ path: '/projects' }), account: { member: 200, admin: 200 } },
  createProject: {
    request: async () => ({ path: '/projects', body: { name: 'Matrix project' } }),
    account: { member: 201, admin: 201 },
  },
  getProject: { request: async (_w, p) => ({ path: `/projects/${p}` }), roles: ALL(200) },
  updateProject: { request: async (_w, p) => ({ path: `/projects/${p}`, body: { name: 'Renamed' } }), roles: OWNER_ONLY(200) },
  listMembers: { request: async (_w, p) => ({ path: `/projects/${p}/members` }), roles: ALL(200) },
  inviteMember: {
    request: async (_w, p) => ({
      path: `/projects/${p}/members`,
      body: { email: `new-${Math.random().toString(36).slice(2)}@loupe.test`, role: 'ANNOTATOR' },
    }),
    roles: OWNER_ONLY(201),
  },
  updateMember: {
    request: async (w, p) => ({ path: `/projects/${p}/members/${await fx.freshMember(idOf(w, p))}`, body: { role: 'REVIEWER' } }),
    roles: OWNER_ONLY(200),
  },
  removeMember: {
    request: async (w, p) => ({ path: `/projects/${p}/members/${await fx.freshMember(idOf(w, p))}` }),
    roles: OWNER_ONLY(204),
  },
  revokeInvitation: {
    request: async (w, p) => ({
      path: `/projects/${p}/invitations/${(await fx.freshInvitation(idOf(w, p), ownerOf(w, p).id)).id}`,
    }),
    roles: OWNER_ONLY(204),
  },
  getInvitation: {
    request: async (w) => ({ path: `/invitations/${(await fx.freshInvitation(w.project.id, w.members.OWNER.user.id)).token}` }),
    account: { member: 200, admin: 200, anonymous: 200 },
  },
  acceptInvitation: {
    request: async (w) => ({
      path: `/invitations/${(await fx.freshInvitation(w.project.id, w.members.OWNER.user.id)).token}/accept`,
      body: { name: 'New Person', password: 'a-long-password' },
    }),
    account: { member: 200, admin: 200, anonymous: 200 },
  },
  listImports: { request: async (_w, p) => ({ path: `/projects/${p}/imports` }), roles: ALL(200) },
  createImport: { request: async (_w, p) => ({ path: `/projects/${p}/imports`, body: { source: 'UPLOAD' } }), roles: LEADS(201) },
  getImport: {
    request: async (w, p) => ({ path: `/projects/${p}/imports/${await fx.freshBatch(fx.ownerCtx(ownerOf(w, p)), p)}` }),
    roles: ALL(200),
  },
  uploadFile: {
    request: async (w, p) => ({
      path: `/projects/${p}/imports/${await fx.freshBatch(fx.ownerCtx(ownerOf(w, p)), p)}/files?name=matrix.txt`,
      rawBody: `matrix ${Math.random()}`,
      headers: { 'content-type': 'application/octet-stream' },
    }),
    roles: LEADS(201),
  },
  listAssets: { request: async (_w, p) => ({ path: `/projects/${p}/assets?limit=5` }), roles: ALL(200) },
  getAsset: {
    request: async (w, p) => ({ path: `/projects/${p}/assets/${await fx.freshAsset(fx.ownerCtx(ownerOf(w, p)), p)}` }),
    roles: ALL(200),
  },
  getAssetContent: {
    request: async (w, p) => ({ path: `/projects/${p}/assets/${await fx.freshAsset(fx.ownerCtx(ownerOf(w, p)), p)}/content` }),
    roles: ALL(200),
  },
  getAssetDerivative: {
    request: async (w, p) => ({
      path: `/projects/${p}/assets/${await fx.freshAsset(fx.ownerCtx(ownerOf(w, p)), p, { thumbnail: true })}/derivatives/thumbnail?variant=256`,
    }),
    roles: ALL(200),
  },
  getAssetSpectrogram: {
    request: async (w, p) => ({
      path: `/projects/${p}/assets/${await fx.freshRecording(fx.ownerCtx(ownerOf(w, p)), p)}/spectrogram?start=0&end=0.5&width=64&height=32`,
    }),
    roles: ALL(200),
  },
  getAssetSamples: {
    request: async (w, p) => ({
      path: `/projects/${p}/assets/${await fx.freshRecording(fx.ownerCtx(ownerOf(w, p)), p)}/samples?start=0&end=0.25&width=64`,
    }),
    roles: ALL(200),
  },
  retryAsset: {
    request: async (w, p) => ({
      path: `/projects/${p}/assets/${await fx.freshAsset(fx.ownerCtx(ownerOf(w, p)), p, { quarantined: true })}/retry`,
    }),
    roles: LEADS(200),
  },
  discardAsset: {
    request: async (w, p) => ({
      path: `/projects/${p}/assets/${await fx.freshAsset(fx.ownerCtx(ownerOf(w, p)), p, { quarantined: true })}`,
    }),
    roles: LEADS(204),
  },
  createUpload: {
    request: async (w, p) => ({
      path: `/projects/${p}/uploads`,
      headers: fx.tusCreateHeaders(await fx.freshBatch(fx.ownerCtx(ownerOf(w, p)), p), 10),
    }),
    roles: LEADS(201),
  },
  getUploadOffset: {
    request: async (w, p) => ({
      path: `/projects/${p}/uploads/${await fx.freshUpload(fx.ownerCtx(ownerOf(w, p)), p)}`,
      headers: { 'tus-resumable': '1.0.0' },
    }),
    roles: LEADS(200),
  },
  appendUpload: {
    request: async (w, p) => ({
      path: `/projects/${p}/uploads/${await fx.freshUpload(fx.ownerCtx(ownerOf(w, p)), p)}`,
      rawBody: 'half!',
      headers: { 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    }),
    roles: LEADS(204),
  },
  cancelUpload: {
    request: async (w, p) => ({
      path: `/projects/${p}/uploads/${await fx.freshUpload(fx.ownerCtx(ownerOf(w, p)), p)}`,
      headers: { 'tus-resumable': '1.0.0' },
    }),
    roles: LEADS(204),
  },
  importUrls: {
    request: async (w, p) => ({
      path: `/projects/${p}/imports/${await fx.freshBatch(fx.ownerCtx(ownerOf(w, p)), p)}/urls`,
      body: { urls: [{ url: 'https://example.com/matrix.jpg' }] },
    }),
    roles: LEADS(202),
  },
  importManifest: {
    request: async (w, p) => ({
      path: `/projects/${p}/imports/${await fx.freshBatch(fx.ownerCtx(ownerOf(w, p)), p)}/manifest`,
      rawBody: 'uri,device\nhttps://example.com/matrix.jpg,cam-1\n',
      headers: { 'content-type': 'text/csv' },
    }),
    roles: LEADS(202),
  },
  getWorkflow: { request: async (_w, p) => ({ path: `/projects/${p}/workflow` }), roles: ALL(200) },
  saveWorkflow: {
    request: async (_w, p) => ({ path: `/projects/${p}/workflow`, body: await wf.currentWorkflowBody(p) }),
    roles: LEADS(200),
  },
  createTasks: {
    request: async (_w, p) => {
      await wf.standardPasses(p);
      return { path: `/projects/${p}/tasks`, body: { selection: { by: 'all' } } };
    },
    roles: LEADS(201),
  },
  listTasks: { request: async (_w, p) => ({ path: `/projects/${p}/tasks?limit=5` }), roles: LEADS(200) },
  claimNextTask: {
    request: async (_w, p) => ({ path: `/projects/${p}/passes/${(await wf.standardPasses(p)).label}/claim` }),
    roles: ALL(200),
  },
  getAssignment: {
    request: async (w, p, c) => ({ path: `/projects/${p}/assignments/${(await held(w, p, c, 'LABEL')).assignmentId}` }),
    roles: ALL(200),
  },
  saveAnnotation: {
    request: async (w, p, c) => ({
      path: `/projects/${p}/assignments/${(await held(w, p, c, 'LABEL')).assignmentId}/annotation`,
      body: { version: 1, regions: [{ id: 'r1', type: 'bbox', classId: 'car', x: 0.1, y: 0.1, w: 0.2, h: 0.2 }] },
    }),
    roles: ALL(200),
  },
  submitAssignment: {
    request: async (w, p, c) => ({
      path: `/projects/${p}/assignments/${(await held(w, p, c, 'LABEL')).assignmentId}/submit`,
      body: { version: 1 },
    }),
    roles: ALL(200),
  },
  skipAssignment: {
    request: async (w, p, c) => ({
      path: `/projects/${p}/assignments/${(await held(w, p, c, 'LABEL')).assignmentId}/skip`,
      body: { reason: 'blurry' },
    }),
    roles: ALL(200),
  },
  escalateAssignment: {
    request: async (w, p, c) => ({
      path: `/projects/${p}/assignments/${(await held(w, p, c, 'LABEL')).assignmentId}/escalate`,
      body: { reason: 'unsure' },
    }),
    roles: ALL(200),
  },
  decideReview: {
    request: async (w, p, c) => {
      const item = await held(w, p, c, 'REVIEW');
      return {
        path: `/projects/${p}/assignments/${item.assignmentId}/review`,
        body: { taskVersion: await wf.taskVersion(item.taskId), decision: 'ACCEPT' },
      };
    },
    roles: ALL(200),
  },
  adjudicateTask: {
    request: async (w, p, c) => {
      const item = await held(w, p, c, 'ADJUDICATE');
      return {
        path: `/projects/${p}/assignments/${item.assignmentId}/adjudicate`,
        body: { taskVersion: await wf.taskVersion(item.taskId), chosenAnnotationId: item.subjectId, reason: 'clearer' },
      };
    },
    roles: ALL(200),
  },
  getWorkQueues: { request: async (_w, p) => ({ path: `/projects/${p}/queues` }), roles: ALL(200) },
  getTaskActivity: {
    request: async (w, p, c) => ({ path: `/projects/${p}/tasks/${(await held(w, p, c, 'LABEL')).taskId}/activity` }),
    roles: ALL(200),
  },
  addTaskComment: {
    request: async (w, p, c) => ({
      path: `/projects/${p}/tasks/${(await held(w, p, c, 'LABEL')).taskId}/comments`,
      body: { body: 'look at the left edge' },
    }),
    roles: ALL(201),
  },
  getQualityReport: { request: async (_w, p) => ({ path: `/projects/${p}/quality` }), roles: LEADS(200) },
  refreshQualityReport: { request: async (_w, p) => ({ path: `/projects/${p}/quality/refresh` }), roles: LEADS(202) },
  getQualitySettings: { request: async (_w, p) => ({ path: `/projects/${p}/quality/settings` }), roles: LEADS(200) },
  saveQualitySettings: {
    request: async (_w, p) => ({ path: `/projects/${p}/quality/settings`, body: { iouThreshold: 0.6 } }),
    roles: LEADS(200),
  },
  listQualityItems: { request: async (_w, p) => ({ path: `/projects/${p}/quality/items?disagreeing=false` }), roles: LEADS(200) },
  getQualityComparison: {
    request: async (w, p) => ({ path: `/projects/${p}/quality/tasks/${await wf.comparedItem(fx.ownerCtx(ownerOf(w, p)), p)}` }),
    roles: LEADS(200),
  },
  sendQualityItemsToReview: {
    request: async (w, p) => ({
      path: `/projects/${p}/quality/send-to-review`,
      body: { taskIds: [await wf.comparedItem(fx.ownerCtx(ownerOf(w, p)), p)], reason: 'matrix' },
    }),
    roles: LEADS(200),
  },
  exportQualityCsv: {
    request: async (w, p) => {
      await wf.comparedItem(fx.ownerCtx(ownerOf(w, p)), p);
      await computeQualityReport((await db().project.findFirstOrThrow({ where: { OR: [{ id: p }, { slug: p }] } })).id);
      return { path: `/projects/${p}/quality/report.csv` };
    },
    roles: LEADS(200),
  },
  getQueueStats: { request: async () => ({ path: '/ops/queues' }), account: { member: 403, admin: 200 } },
  listJobFailures: { request: async () => ({ path: '/ops/failures?limit=5' }), account: { member: 403, admin: 200 } },
  retryJobFailure: {
    request: async () => ({ path: `/ops/failures/${await fx.freshJobFailure()}/retry` }),
    account: { member: 403, admin: 200 },
  },
  discardJobFailure: {
    request: async () => ({ path: `/ops/failures/${await fx.freshJobFailure()}/discard` }),
    account: { member: 403, admin: 200 },
  },
  runHealthCheck: { request: async () => ({ path: '/ops/health-check' }), account: { member: 403, admin: 200 } },
  ...TAXONOMY_CELLS,
  ...DATASET_CELLS,
};

let world: World;
let workers: ReturnType<typeof startWorkers>;

beforeAll(async () => {
  world = { ...(await projectWithEveryRole()), admin: await userWithToken({ isSiteAdmin: true }) };
  workers = startWorkers({ queues: ['health'], log: () => undefined });
});

afterAll(async () => {
  await workers.close();
  await closeQueues();
});

async function call(method: string, cell: Cell, projectId: string, caller: Caller): Promise<number> {
  const { path, ...options } = await cell.request(world, projectId, caller);
  const response = await callApi(method, path, { ...options, token: caller.token });
  if (response.status >= 400) {
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  }
  return response.status;
}

it('covers every operation, and every route file serves exactly the operations of its path', () => {
  expect(Object.keys(MATRIX).sort()).toEqual(ALL_OPERATIONS.map((op) => op.id).sort());
  const routePaths = listRouteFiles()
    .map((r) => r.path)
    .filter((p) => p !== '/openapi.json');
  expect([...new Set(ALL_OPERATIONS.map((op) => op.path))].sort()).toEqual(routePaths.sort());
});

describe.each(ALL_OPERATIONS.map((op) => [`${op.method} ${op.path}`, op] as const))('%s', (_name, op) => {
  const cell = MATRIX[op.id]!;

  if (cell.roles) {
    it.each(ROLES)('as %s: own project → expected status; other project → 404', async (role) => {
      const member = world.members[role];
      const caller = { userId: member.user.id, token: member.token };
      expect(await call(op.method, cell, world.project.id, caller)).toBe(cell.roles![role]);
      expect(await call(op.method, cell, world.otherProject.id, caller)).toBe(404);
    });
    it('by slug as OWNER matches by id', async () => {
      const caller = { userId: world.members.OWNER.user.id, token: world.members.OWNER.token };
      expect(await call(op.method, cell, world.project.slug, caller)).toBe(cell.roles!.OWNER);
    });
  }

  if (cell.account) {
    it('as a signed-in member and as a site admin', async () => {
      const member = world.members.ANNOTATOR;
      expect(await call(op.method, cell, world.project.id, { userId: member.user.id, token: member.token })).toBe(
        cell.account!.member,
      );
      expect(await call(op.method, cell, world.project.id, { userId: world.admin.user.id, token: world.admin.token })).toBe(
        cell.account!.admin,
      );
    });
  }

  it('anonymous', async () => {
    const expected = cell.account?.anonymous ?? 401;
    expect(await call(op.method, cell, world.project.id, { userId: '', token: undefined })).toBe(expected);
  });

  it('with a revoked or made-up token → 401 (unless public)', async () => {
    const expected = cell.account?.anonymous ?? 401;
    expect(await call(op.method, cell, world.project.id, { userId: '', token: 'loupe_not-a-real-token' })).toBe(expected);
  });
});
