import type { PrismaClient } from '@/server/generated/prisma/client';
import type { Role } from '@/server/generated/prisma/enums';
import { seededRandom } from '@/lib/seeded-random';
import { probeAsset } from '@/server/pipeline/probe-asset';
import { addMember } from './factories/add-member';
import { createAsset } from './factories/create-asset';
import { createProject } from './factories/create-project';
import { createTaxonomy } from './factories/create-taxonomy';
import { createTasksInPass, createWorkflowPasses } from './factories/create-workflow';
import { DEMO_TAXONOMY } from './factories/demo-taxonomy';
import { fixtureFile } from './fixtures/fixture-file';
import { renderStreetScene } from './fixtures/images';
import { streetScene } from './fixtures/street-scene-svg';

// The image editor's project: street scenes to draw boxes, polygons, lines and keypoints on, in the order
// an annotator gets them: two clean images, one with a detector's suggestions to accept or reject,
// and a crowded one whose 2,000 suggested boxes show the editor at scale. The images are taken
// through the ingest stage right here (probe and thumbnails), so the tasks exist as soon as the
// seed ends, without waiting for the workers.

export const STREETS_PROJECT = { slug: 'streets', name: 'Street scenes (image editor)' } as const;
const WIDTH = 1280;
const HEIGHT = 800;
const IMAGE_CLASSES = ['car', 'pedestrian', 'cyclist', 'traffic_light', 'lane_marking', 'weather'];
export const DETECTOR = 'demo-detector v1';
export const CROWD_BOXES = 2_000;

interface Item {
  seed: number;
  priority: number;
  suggestions: 'none' | 'scene' | 'crowd';
}

const ITEMS: Item[] = [
  { seed: 201, priority: 3, suggestions: 'none' },
  { seed: 202, priority: 2, suggestions: 'none' },
  { seed: 203, priority: 1, suggestions: 'scene' },
  { seed: 204, priority: 0, suggestions: 'crowd' },
];

export async function seedStreets(db: PrismaClient, input: { ownerId: string; members: { userId: string; role: Role }[] }) {
  const project = await createProject(db, {
    ownerId: input.ownerId,
    ...STREETS_PROJECT,
    description: 'Draw boxes, polygons, lines and keypoints; accept a detector’s suggestions; 2,000 objects on one image.',
  });
  for (const m of input.members) await addMember(db, { projectId: project.id, ...m });
  const classes = DEMO_TAXONOMY.classes.filter((c) => IMAGE_CLASSES.includes(c.id));
  await createTaxonomy(db, { projectId: project.id, classes, publish: true, publishedById: input.ownerId });
  if ((await db.workflowPass.count({ where: { projectId: project.id } })) > 0) return project;
  const [label] = await createWorkflowPasses(db, {
    projectId: project.id,
    passes: [
      { kind: 'LABEL', name: 'Label', roles: ['ANNOTATOR', 'REVIEWER', 'DATA_LEAD', 'OWNER'] },
      { kind: 'REVIEW', name: 'Review', roles: ['REVIEWER', 'DATA_LEAD', 'OWNER'] },
    ],
  });

  for (const item of ITEMS) {
    const spec = { name: `streets-${item.seed}.png`, width: WIDTH, height: HEIGHT };
    const file = await fixtureFile(spec.name, (tmp) => renderStreetScene(spec, item.seed, tmp));
    const asset = await createAsset(db, { projectId: project.id, file, kind: 'IMAGE', source: 'SEED' });
    const outcome = await probeAsset({
      projectId: project.id,
      assetId: asset.id,
      jobId: `seed-streets-${item.seed}`,
      attempt: 1,
      finalAttempt: true,
    });
    if (!('done' in outcome)) throw new Error(`seed image ${spec.name} did not become READY: ${JSON.stringify(outcome)}`);
    if (item.suggestions !== 'none') {
      const regions = item.suggestions === 'scene' ? sceneSuggestions(item.seed) : crowdSuggestions(item.seed, CROWD_BOXES);
      await db.prediction.create({ data: { assetId: asset.id, model: DETECTOR, regions } });
    }
    await createTasksInPass(db, {
      projectId: project.id,
      passId: label!.id,
      assetIds: [asset.id],
      overlap: 1,
      priority: item.priority,
    });
  }
  return project;
}

const suggestion = (score: number) => ({ model: DETECTOR, score: Math.round(score * 100) / 100 });

/** What a decent detector finds in the scene: its objects as boxes, a little off, with scores. */
function sceneSuggestions(seed: number) {
  const random = seededRandom(seed);
  return streetScene(WIDTH, HEIGHT, seed, '').objects.map((o, i) => ({
    id: `det-${seed}-${i}`,
    type: 'bbox',
    classId: o.classId,
    attributes: o.classId === 'traffic_light' ? { color: o.attributes.color ?? null } : {},
    x: Math.max(0, (o.x - 2) / WIDTH),
    y: Math.max(0, (o.y - 2) / HEIGHT),
    w: Math.min((o.w + 4) / WIDTH, 1 - Math.max(0, (o.x - 2) / WIDTH)),
    h: Math.min((o.h + 4) / HEIGHT, 1 - Math.max(0, (o.y - 2) / HEIGHT)),
    suggestion: suggestion(0.6 + random() * 0.4),
  }));
}

/** Thousands of small boxes spread over the image, as a crowd or a parking lot gives a detector. */
function crowdSuggestions(seed: number, count: number) {
  const random = seededRandom(seed);
  const kinds = ['car', 'pedestrian', 'cyclist'];
  return Array.from({ length: count }, (_, i) => {
    const w = 0.006 + random() * 0.02;
    const h = 0.01 + random() * 0.03;
    return {
      id: `crowd-${i}`,
      type: 'bbox',
      classId: kinds[i % kinds.length]!,
      attributes: {},
      x: random() * (1 - w),
      y: random() * (1 - h),
      w,
      h,
      suggestion: suggestion(0.3 + random() * 0.7),
    };
  });
}
