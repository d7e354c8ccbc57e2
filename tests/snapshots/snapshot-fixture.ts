import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { addMember } from '@/prisma/factories/add-member';
import { createAsset } from '@/prisma/factories/create-asset';
import { createFinishedTask } from '@/prisma/factories/create-finished-task';
import { createProject } from '@/prisma/factories/create-project';
import { createTaxonomy } from '@/prisma/factories/create-taxonomy';
import { createUser } from '@/prisma/factories/create-user';
import { createStubAssets, createWorkflowPasses } from '@/prisma/factories/create-workflow';
import type { Ctx } from '@/server/context';
import { db } from '@/server/db';

// A project whose finished items exercise every COCO shape: each has a car box; every other one a
// pedestrian polygon; item 0 a pedestrian's keypoints, item 1 a rotated box, item 2 an image-level
// weather class. `accepted` of them were accepted by a reviewer, the rest only submitted. Stub assets
// (640 × 480, no bytes) unless `realImages`, which stores that many generated PNGs instead.

export const KEYPOINTS = Array.from({ length: 9 }, (_, i) => ({ x: 0.5 + i * 0.01, y: 0.2 + i * 0.05, v: i === 8 ? 0 : 2 }));

export function regionsOf(i: number): object[] {
  const regions: object[] = [
    { id: `car-${i}`, type: 'bbox', classId: 'car', attributes: { occluded: i % 3 === 0 }, x: 0.1, y: 0.1, w: 0.25, h: 0.5 },
  ];
  if (i % 2 === 0) {
    regions.push({
      id: `ped-${i}`,
      type: 'polygon',
      classId: 'pedestrian',
      attributes: {},
      points: [
        [0.5, 0.5],
        [0.75, 0.5],
        [0.75, 0.9],
      ],
    });
  }
  if (i === 0) regions.push({ id: 'pose-0', type: 'keypoints', classId: 'pedestrian', attributes: {}, points: KEYPOINTS });
  if (i === 1)
    regions.push({ id: 'rot-1', type: 'bbox', classId: 'car', attributes: {}, x: 0.4, y: 0.4, w: 0.2, h: 0.1, rotation: 90 });
  if (i === 2) regions.push({ id: 'weather-2', type: 'classification', classId: 'weather', attributes: { condition: 'rain' } });
  return regions;
}

export async function snapshotFixture(options: { items: number; accepted: number; realImages?: boolean }) {
  const owner = await createUser(db());
  const annotator = await createUser(db());
  const reviewer = await createUser(db());
  const project = await createProject(db(), { ownerId: owner.id });
  await addMember(db(), { projectId: project.id, userId: annotator.id, role: 'ANNOTATOR' });
  await addMember(db(), { projectId: project.id, userId: reviewer.id, role: 'REVIEWER' });
  const { version } = await createTaxonomy(db(), { projectId: project.id, publish: true, publishedById: owner.id });
  const [label] = await createWorkflowPasses(db(), {
    projectId: project.id,
    passes: [{ kind: 'LABEL', name: 'Label', roles: ['ANNOTATOR'] }],
  });
  const assetIds = options.realImages
    ? await realImages(project.id, options.items)
    : await createStubAssets(db(), { projectId: project.id, count: options.items });
  const annotations: string[] = [];
  for (const [i, assetId] of assetIds.entries()) {
    const { annotationId } = await createFinishedTask(db(), {
      projectId: project.id,
      assetId,
      passId: label!.id,
      taxonomyVersionId: version.id,
      annotatorId: annotator.id,
      regions: regionsOf(i),
      at: new Date(Date.UTC(2026, 10, 1 + (i % 28))),
      acceptedBy: i < options.accepted ? reviewer.id : undefined,
    });
    annotations.push(annotationId);
  }
  const ctx = (user: { id: string; email: string; name: string }): Ctx => ({
    actor: { ...user, isSiteAdmin: false },
    via: 'session',
  });
  return {
    project,
    owner: ctx(owner),
    annotator: ctx(annotator),
    annotatorId: annotator.id,
    reviewerId: reviewer.id,
    assetIds,
    annotations,
  };
}

async function realImages(projectId: string, count: number): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'loupe-snapshot-'));
  try {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const file = path.join(dir, `image-${i}.png`);
      await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 40 * i, g: 90, b: 160 } } })
        .png()
        .toFile(file);
      ids.push((await createAsset(db(), { projectId, file, kind: 'IMAGE', stage: 'READY' })).id);
    }
    return ids;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
