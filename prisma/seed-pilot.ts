import type { PrismaClient } from '@/server/generated/prisma/client';
import { seededRandom } from '@/lib/seeded-random';
import { ZQualitySettingsSchema } from '@/lib/schemas/quality';
import { addMember } from './factories/add-member';
import { createAsset } from './factories/create-asset';
import { createComparedTask } from './factories/create-compared-task';
import { createImportBatch } from './factories/create-import-batch';
import { createProject } from './factories/create-project';
import { createTaxonomy } from './factories/create-taxonomy';
import { createUser } from './factories/create-user';
import { createWorkflowPasses } from './factories/create-workflow';
import { simulateAnnotation, WEATHER, type AnnotatorHabits } from './factories/simulated-annotator';
import { generatePilotImages } from './fixtures/pilot-images';

// A labeling pilot that already ran for eight weeks: every image labeled by two of four simulated
// annotators, so the quality page has agreement to show. Two things change that the weekly series
// should catch: Sam drifts from week 6 (cyclists become pedestrians, traffic lights are left out),
// and from week 7 the images come from a busy crossing (more pedestrians and cyclists).

export const PILOT_PROJECT = { slug: 'pilot', name: 'Street scenes pilot (double labeled)' } as const;
export const PILOT_WEEKS = 8;
const ITEMS_PER_WEEK = 12;
const WEEK_MS = 7 * 24 * 3600_000;

export const PILOT_ANNOTATORS: readonly { email: string; name: string; habits: AnnotatorHabits }[] = [
  { email: 'kim@loupe.test', name: 'Kim Careful', habits: { jitter: 0.03, missRate: 0.02, slipRate: 0.03 } },
  { email: 'ray@loupe.test', name: 'Ray Rough', habits: { jitter: 0.09, missRate: 0.04, slipRate: 0.08 } },
  {
    email: 'sam@loupe.test',
    name: 'Sam Drifting',
    habits: {
      jitter: 0.04,
      missRate: 0.03,
      slipRate: 0.05,
      driftFromWeek: 5,
      drift: { relabel: { cyclist: 'pedestrian' }, skip: ['traffic_light'] },
    },
  },
  { email: 'lou@loupe.test', name: 'Lou Hasty', habits: { jitter: 0.06, missRate: 0.12, slipRate: 0.1 } },
];

/** Every pair of the four, in turn. */
const PAIRS = [
  [0, 1],
  [2, 3],
  [0, 2],
  [1, 3],
  [0, 3],
  [1, 2],
] as const;

export async function seedPilot(db: PrismaClient, input: { ownerId: string; leadId: string; password: string }) {
  const project = await createProject(db, {
    ownerId: input.ownerId,
    ...PILOT_PROJECT,
    description: 'Eight weeks of double labeling by four simulated annotators: open Quality to see their agreement.',
  });
  await addMember(db, { projectId: project.id, userId: input.leadId, role: 'DATA_LEAD' });
  const annotators: { id: string }[] = [];
  for (const a of PILOT_ANNOTATORS) {
    const user = await createUser(db, { email: a.email, name: a.name, password: input.password });
    await addMember(db, { projectId: project.id, userId: user.id, role: 'ANNOTATOR' });
    annotators.push(user);
  }
  const { version } = await createTaxonomy(db, { projectId: project.id, publish: true, publishedById: input.ownerId });
  if ((await db.task.count({ where: { projectId: project.id } })) > 0) return project;

  const [label] = await createWorkflowPasses(db, {
    projectId: project.id,
    passes: [
      { kind: 'LABEL', name: 'Double labeling', overlap: 2, roles: ['ANNOTATOR', 'DATA_LEAD', 'OWNER'] },
      { kind: 'ADJUDICATE', name: 'Experts', roles: ['DATA_LEAD', 'OWNER'] },
    ],
  });
  const settings = ZQualitySettingsSchema.parse({
    cohorts: [
      { name: 'Team North', memberIds: [annotators[0]!.id, annotators[1]!.id] },
      { name: 'Team South', memberIds: [annotators[2]!.id, annotators[3]!.id] },
    ],
  });
  await db.project.update({ where: { id: project.id }, data: { qualitySettings: settings } });

  const batch = await createImportBatch(db, {
    projectId: project.id,
    source: 'SEED',
    label: 'Pilot images',
    createdById: input.ownerId,
  });
  const images = await generatePilotImages(PILOT_WEEKS * ITEMS_PER_WEEK, { busyFrom: 6 * ITEMS_PER_WEEK });
  const random = seededRandom(7);
  // Monday 08:00 UTC eight weeks ago: the pilot fills the eight whole ISO weeks before this one.
  const today = new Date();
  const start =
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7), 8) -
    PILOT_WEEKS * WEEK_MS;
  for (const [i, image] of images.entries()) {
    const asset = await createAsset(db, {
      projectId: project.id,
      file: image.file,
      kind: 'IMAGE',
      importBatchId: batch.id,
      source: 'SEED',
    });
    const week = Math.floor(i / ITEMS_PER_WEEK);
    const weather = WEATHER[[0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 3][Math.floor(random() * 11)]!]!;
    // Monday to Friday, working hours.
    const day = start + week * WEEK_MS + Math.floor((i % ITEMS_PER_WEEK) / 3) * 24 * 3600_000 + (i % 3) * 2 * 3600_000;
    await createComparedTask(db, {
      projectId: project.id,
      assetId: asset.id,
      passId: label!.id,
      taxonomyVersionId: version.id,
      submissions: PAIRS[i % PAIRS.length]!.map((who, k) => ({
        userId: annotators[who]!.id,
        regions: simulateAnnotation({ ...image, weather }, PILOT_ANNOTATORS[who]!.habits, week, random),
        at: new Date(day + (k + 1) * 40 * 60_000),
      })),
    });
  }
  return project;
}
