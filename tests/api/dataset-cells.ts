import { createFinishedTask } from '@/prisma/factories/create-finished-task';
import type { Ctx } from '@/server/context';
import { db } from '@/server/db';
import { buildExport } from '@/server/snapshots/build-export';
import { createSnapshot } from '@/server/snapshots/create-snapshot';
import { requestExport } from '@/server/snapshots/request-export';
import { LEADS, idOf, ownerOf, type Cell, type World } from './matrix-cell';
import { freshAsset, ownerCtx, publishedVersion1 } from './matrix-fixtures';
import { standardPasses } from './workflow-fixtures';

// The snapshot and label import operations' cells of the access matrix, and what they need: a
// finished, accepted item on the project asked for, a snapshot of it, an export built of that (a
// fresh one per call: expiring one is a change).

async function finishedItem(owner: Ctx, projectId: string): Promise<void> {
  await publishedVersion1(owner, projectId);
  const passes = await standardPasses(projectId);
  const version = await db().taxonomyVersion.findFirstOrThrow({ where: { taxonomy: { projectId }, status: 'PUBLISHED' } });
  const assetId = await freshAsset(owner, projectId);
  await createFinishedTask(db(), {
    projectId,
    assetId,
    passId: passes.label,
    taxonomyVersionId: version.id,
    annotatorId: owner.actor.id,
    regions: [{ id: 'r1', type: 'bbox', classId: 'car', attributes: {}, x: 0.1, y: 0.1, w: 0.2, h: 0.2 }],
    at: new Date(),
    acceptedBy: owner.actor.id,
  });
}

async function snapshotOf(w: World, ref: string): Promise<number> {
  const owner = ownerCtx(ownerOf(w, ref));
  await finishedItem(owner, idOf(w, ref));
  return (await createSnapshot(owner, { projectId: idOf(w, ref), name: 'Matrix' })).version;
}

async function builtExport(w: World, ref: string): Promise<string> {
  const version = await snapshotOf(w, ref);
  const owner = ownerCtx(ownerOf(w, ref));
  const built = await requestExport(owner, { projectId: idOf(w, ref), version, format: 'coco', includeMedia: false });
  await buildExport(built.id);
  return `/projects/${ref}/snapshots/${version}/exports/${built.id}`;
}

export const DATASET_CELLS: Record<string, Cell> = {
  importLabels: {
    request: async (w, p) => {
      await publishedVersion1(ownerCtx(ownerOf(w, p)), idOf(w, p));
      return {
        path: `/projects/${p}/label-imports`,
        body: { format: 'jsonl', content: '{"asset":{"sha256":"0"},"regions":[]}' },
      };
    },
    roles: LEADS(200),
  },
  listSnapshots: { request: async (_w, p) => ({ path: `/projects/${p}/snapshots` }), roles: LEADS(200) },
  createSnapshot: {
    request: async (w, p) => {
      await finishedItem(ownerCtx(ownerOf(w, p)), idOf(w, p));
      return { path: `/projects/${p}/snapshots`, body: { name: 'Matrix cut' } };
    },
    roles: LEADS(201),
  },
  getSnapshot: { request: async (w, p) => ({ path: `/projects/${p}/snapshots/${await snapshotOf(w, p)}` }), roles: LEADS(200) },
  diffSnapshots: {
    request: async (w, p) => {
      const version = await snapshotOf(w, p);
      return { path: `/projects/${p}/snapshots/${version}/diff?against=${version}` };
    },
    roles: LEADS(200),
  },
  requestSnapshotExport: {
    request: async (w, p) => ({ path: `/projects/${p}/snapshots/${await snapshotOf(w, p)}/exports`, body: { format: 'jsonl' } }),
    roles: LEADS(202),
  },
  downloadSnapshotExport: { request: async (w, p) => ({ path: `${await builtExport(w, p)}/file` }), roles: LEADS(200) },
  expireSnapshotExport: { request: async (w, p) => ({ path: `${await builtExport(w, p)}/expire` }), roles: LEADS(200) },
};
