import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrismaClient } from '@/server/generated/prisma/client';
import type { AssetKind, Role } from '@/server/generated/prisma/enums';
import { createPrisma } from '@/server/db';
import { env } from '@/server/env';
import { closeQueues, enqueue } from '@/server/jobs/enqueue';
import { addMember } from './factories/add-member';
import { createAsset } from './factories/create-asset';
import { createImportBatch } from './factories/create-import-batch';
import { createProject } from './factories/create-project';
import { createTaxonomy } from './factories/create-taxonomy';
import { createWorkflowPasses } from './factories/create-workflow';
import { queueReadyAsset } from '@/server/workflow/queue-ready-asset';
import { createUser } from './factories/create-user';
import { generateFixtures } from './fixtures/generate-fixtures';
import { PILOT_ANNOTATORS, seedPilot } from './seed-pilot';
import { seedStreets } from './seed-streets';
import { CLIPS } from './seed-clips';
import { seedEditorProject } from './seed-editor-project';
import { LECTURE, VOICES } from './seed-voices';

export const DEMO_PASSWORD = 'loupe-demo';

export const DEMO_USERS: readonly { email: string; name: string; role: Role; isSiteAdmin: boolean }[] = [
  { email: 'admin@loupe.test', name: 'Ada Admin', role: 'OWNER', isSiteAdmin: true },
  { email: 'lead@loupe.test', name: 'Lee Lead', role: 'DATA_LEAD', isSiteAdmin: false },
  { email: 'reviewer@loupe.test', name: 'Rae Reviewer', role: 'REVIEWER', isSiteAdmin: false },
  { email: 'annotator@loupe.test', name: 'Ann Annotator', role: 'ANNOTATOR', isSiteAdmin: false },
];
export const OTHER_USER = { email: 'other@loupe.test', name: 'Otto Other' } as const;
export const DEMO_PROJECT = { slug: 'demo', name: 'Street scenes demo' } as const;
export const OTHER_PROJECT = { slug: 'other', name: 'Other team' } as const;

// Idempotent: every row is found by a natural key (email, slug, project + sha256 ...) before it is
// created, so running the seed again leaves the database as it was.
export async function seed(db: PrismaClient, password = process.env.SEED_PASSWORD || DEMO_PASSWORD) {
  const fixtures = await generateFixtures();
  const members = [];
  for (const { role, ...user } of DEMO_USERS) members.push({ role, user: await createUser(db, { ...user, password }) });
  const admin = members[0]!.user;

  const demo = await createProject(db, {
    ownerId: admin.id,
    ...DEMO_PROJECT,
    description: 'Generated street scenes, tones and a test-pattern video to try every editor on.',
  });
  for (const { user, role } of members) await addMember(db, { projectId: demo.id, userId: user.id, role });
  const taxonomy = await createTaxonomy(db, { projectId: demo.id, publish: true, publishedById: admin.id });
  await seedWorkflow(db, demo.id);
  const batch = await createImportBatch(db, { projectId: demo.id, source: 'SEED', label: 'Demo media', createdById: admin.id });
  const media: [AssetKind, string[]][] = [
    ['IMAGE', fixtures.images],
    ['AUDIO', fixtures.audio],
    ['VIDEO', fixtures.video],
  ];
  for (const [kind, files] of media) {
    for (const file of files) await createAsset(db, { projectId: demo.id, file, kind, importBatchId: batch.id, source: 'SEED' });
  }

  const lead = members.find((m) => m.role === 'DATA_LEAD')!.user;
  const pilot = await seedPilot(db, { ownerId: admin.id, leadId: lead.id, password });
  const streets = await seedStreets(db, {
    ownerId: admin.id,
    members: members.map((m) => ({ userId: m.user.id, role: m.role })),
  });
  const editorMembers = { ownerId: admin.id, members: members.map((m) => ({ userId: m.user.id, role: m.role })) };
  const voices = await seedEditorProject(db, VOICES, { ...editorMembers, files: [...fixtures.speech, ...fixtures.audio] });
  const lecture = await seedEditorProject(db, LECTURE, { ...editorMembers, files: fixtures.long });
  const clips = await seedEditorProject(db, CLIPS, { ...editorMembers, files: [...fixtures.frameIndexed, ...fixtures.video] });

  // A project the demo users cannot see: requests for its objects must answer 404 to them.
  const other = await createUser(db, { ...OTHER_USER, password });
  const otherProject = await createProject(db, { ownerId: other.id, ...OTHER_PROJECT });
  await createTaxonomy(db, { projectId: otherProject.id, publish: true });
  const otherBatch = await createImportBatch(db, {
    projectId: otherProject.id,
    source: 'SEED',
    label: 'Other media',
    createdById: other.id,
  });
  const otherImage = fixtures.images[0];
  if (otherImage)
    await createAsset(db, {
      projectId: otherProject.id,
      file: otherImage,
      kind: 'IMAGE',
      importBatchId: otherBatch.id,
      source: 'SEED',
    });

  // Demo, voices, lecture and clips media already READY (an earlier run's workers processed it) but without a task gets
  // one now; the rest gets its task when the pipeline makes it READY.
  const ready = await db.asset.findMany({
    where: { projectId: { in: [demo.id, voices.id, lecture.id, clips.id] }, stage: 'READY', tasks: { none: {} } },
    select: { id: true },
  });
  for (const asset of ready) await db.$transaction((tx) => queueReadyAsset(tx, asset.id));

  // The workers take the demo media through the pipeline (probe, thumbnails, peaks, proxies) once they
  // run; a re-seed re-queues only what is still RAW (the job ids are deterministic).
  // The pilot's 96 images go last, so the demo media people label first is ready first.
  for (const projectId of [demo.id, voices.id, lecture.id, clips.id, otherProject.id, pilot.id]) {
    const raw = await db.asset.findMany({
      where: { stage: 'RAW', projectId },
      select: { id: true },
      orderBy: { filename: 'asc' },
    });
    for (const asset of raw) await enqueue('ingest', { v: 1, projectId, assetId: asset.id });
  }

  return {
    users: members.map((m) => m.user),
    demo,
    pilot,
    streets,
    voices,
    lecture,
    clips,
    taxonomy,
    other,
    otherProject,
    password,
  };
}

async function main() {
  const started = performance.now();
  const db = createPrisma(env().DATABASE_URL);
  try {
    const result = await seed(db);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      [
        `Seeded ${env().DATABASE_URL.replace(/\/\/[^@]*@/, '//')} in ${seconds} s (blobs in ${path.resolve(env().DATA_DIR, 'blobs')})`,
        '',
        `  Project "${result.demo.name}" (/${result.demo.slug}); password for every user: ${result.password}`,
        ...DEMO_USERS.map((u) => `    ${u.email.padEnd(22)} ${u.role}${u.isSiteAdmin ? ' + site admin' : ''}`),
        `  Project "${result.pilot.name}" (/${result.pilot.slug}): eight weeks of double labeling by`,
        `    ${PILOT_ANNOTATORS.map((a) => a.email).join(', ')} (ANNOTATOR)`,
        `  Project "${result.streets.name}" (/${result.streets.slug}): the image editor, with a detector's suggestions and 2,000 boxes on one image`,
        `  Project "${result.voices.name}" (/${result.voices.slug}): the audio editor: transcribe and mark speakers on generated speech and tones`,
        `  Project "${result.lecture.name}" (/${result.lecture.slug}): the audio editor's sample lens on a five-minute recording`,
        `  Project "${result.clips.name}" (/${result.clips.slug}): the video editor: track objects and mark events on frame-numbered clips`,
        `  Project "${result.otherProject.name}" (/${result.otherProject.slug}), not shared with the users above:`,
        `    ${OTHER_USER.email.padEnd(22)} OWNER`,
      ].join('\n'),
    );
  } finally {
    await closeQueues();
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

/** Label whole items (annotators and up) → review (reviewers and up) → adjudicate (data leads, owners), tasks made as media becomes READY. */
async function seedWorkflow(db: PrismaClient, projectId: string) {
  await db.project.update({ where: { id: projectId }, data: { autoCreateTasks: true } });
  if ((await db.workflowPass.count({ where: { projectId } })) > 0) return;
  await createWorkflowPasses(db, {
    projectId,
    passes: [
      // Whole-item tags, so one pass fits images, audio and video alike: shapes are drawn in the streets project.
      {
        kind: 'LABEL',
        name: 'Label',
        roles: ['ANNOTATOR', 'REVIEWER', 'DATA_LEAD', 'OWNER'],
        scope: { classIds: [], geometries: ['classification'], attributeIds: [] },
      },
      { kind: 'REVIEW', name: 'Review', roles: ['REVIEWER', 'DATA_LEAD', 'OWNER'] },
      { kind: 'ADJUDICATE', name: 'Adjudicate', roles: ['DATA_LEAD', 'OWNER'] },
    ],
  });
}
