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
// (640 × 480, no bytes) unless `realImages`, which stores that many generated PNGs instead. `audio` and
// `video` add that many finished recordings (transcribed speech with speakers, and music) and clips (a
// tracked moving object), after the images, accepted too.

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

/** Two speakers' transcribed turns (one with text that needs escaping) and a music segment. */
export function audioRegionsOf(i: number): object[] {
  return [
    {
      id: `speech-${i}-a`,
      type: 'audio_segment',
      classId: 'speech',
      attributes: { speaker: 'Ann Lee' },
      start: 0.5 + i,
      end: 2.25 + i,
      text: `Clip ${i}: fish & <chips>`,
    },
    {
      id: `speech-${i}-b`,
      type: 'audio_segment',
      classId: 'speech',
      attributes: { speaker: 'Bo' },
      start: 3,
      end: 4.125,
      text: 'Two\nlines',
    },
    { id: `music-${i}`, type: 'audio_segment', classId: 'music', attributes: {}, start: 5, end: 6 },
  ];
}

/** A car tracked from frame 0 (visible) to 10 (occluded), gone from frame 12. */
export function videoRegionsOf(i: number): object[] {
  const keyframe = (frame: number, x: number, state: string) => ({ frame, x, y: 0.2, w: 0.25, h: 0.25, state });
  return [
    {
      id: `track-${i}`,
      type: 'video_track',
      classId: 'moving_object',
      attributes: { type: 'car' },
      keyframes: [keyframe(0, 0.1, 'visible'), keyframe(10, 0.3, 'occluded'), keyframe(12, 0.3, 'outside')],
    },
  ];
}

export async function snapshotFixture(options: {
  items: number;
  accepted: number;
  realImages?: boolean;
  audio?: number;
  video?: number;
}) {
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
  const recordings = await createStubAssets(db(), {
    projectId: project.id,
    count: options.audio ?? 0,
    kind: 'AUDIO',
    first: 100_000,
  });
  const clips = await createStubAssets(db(), { projectId: project.id, count: options.video ?? 0, kind: 'VIDEO', first: 200_000 });
  const annotations: string[] = [];
  const finish = async (assetId: string, regions: object[], i: number, accepted: boolean) => {
    const { annotationId } = await createFinishedTask(db(), {
      projectId: project.id,
      assetId,
      passId: label!.id,
      taxonomyVersionId: version.id,
      annotatorId: annotator.id,
      regions,
      at: new Date(Date.UTC(2026, 10, 1 + (i % 28))),
      acceptedBy: accepted ? reviewer.id : undefined,
    });
    annotations.push(annotationId);
  };
  for (const [i, assetId] of assetIds.entries()) await finish(assetId, regionsOf(i), i, i < options.accepted);
  for (const [i, assetId] of recordings.entries()) await finish(assetId, audioRegionsOf(i), i, true);
  for (const [i, assetId] of clips.entries()) await finish(assetId, videoRegionsOf(i), i, true);
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
    recordings,
    clips,
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
