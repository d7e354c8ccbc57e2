import type { PrismaClient } from '@/server/generated/prisma/client';
import type { Role } from '@/server/generated/prisma/enums';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { addMember } from './factories/add-member';
import { createAsset } from './factories/create-asset';
import { createImportBatch } from './factories/create-import-batch';
import { createProject } from './factories/create-project';
import { createTaxonomy } from './factories/create-taxonomy';
import { createWorkflowPasses, type WorkflowPassInput } from './factories/create-workflow';

// The audio editor's project: a two-voice dialogue (fixtures/speech.ts) to transcribe and split by
// speaker, and the two tone files to mark music and noise on. Its media is RAW here: seed.ts queues
// it for ingest, whose workers compute the peaks, and each file gets its task as it becomes READY.

export const VOICES_PROJECT = { slug: 'voices', name: 'Voices demo' } as const;

const segment = (id: string, name: string, color: string, hotkey: string, description: string): TTaxonomyClass => ({
  id,
  name,
  color,
  hotkey,
  geometries: ['audio_segment'],
  attributes: [],
  description,
});

export const VOICES_TAXONOMY: TTaxonomyClass[] = [
  {
    ...segment('speech', 'Speech', '#8e24aa', '1', 'Someone speaking: who, and in which language.'),
    transcribed: true,
    attributes: [
      { id: 'speaker', name: 'Speaker', type: 'text', required: true },
      { id: 'language', name: 'Language', type: 'enum', required: false, options: ['en', 'fr', 'other'] },
    ],
  },
  segment('music', 'Music', '#1e88e5', '2', 'Tones, melodies, jingles.'),
  segment('noise', 'Noise', '#757575', '3', 'Hiss, hum and background noise with no speech.'),
  segment('laughter', 'Laughter', '#fb8c00', '4', 'Someone laughing.'),
];

export const VOICES_PASSES: WorkflowPassInput[] = [
  {
    kind: 'LABEL',
    name: 'Transcribe',
    roles: ['ANNOTATOR', 'REVIEWER', 'DATA_LEAD', 'OWNER'],
    scope: { classIds: [], geometries: ['audio_segment'], attributeIds: [] },
  },
  { kind: 'REVIEW', name: 'Review', roles: ['REVIEWER', 'DATA_LEAD', 'OWNER'] },
  { kind: 'ADJUDICATE', name: 'Adjudicate', roles: ['DATA_LEAD', 'OWNER'] },
];

export async function seedVoices(
  db: PrismaClient,
  input: { ownerId: string; members: { userId: string; role: Role }[]; audio: string[] },
) {
  const created = await createProject(db, {
    ownerId: input.ownerId,
    ...VOICES_PROJECT,
    description: 'Transcribe and mark speakers on generated speech; mark music and noise on tones.',
  });
  // Tasks are made as the media becomes READY (the pipeline calls queueReadyAsset).
  const project = created.autoCreateTasks
    ? created
    : await db.project.update({ where: { id: created.id }, data: { autoCreateTasks: true } });
  for (const m of input.members) await addMember(db, { projectId: project.id, ...m });
  await createTaxonomy(db, { projectId: project.id, classes: VOICES_TAXONOMY, publish: true, publishedById: input.ownerId });
  if ((await db.workflowPass.count({ where: { projectId: project.id } })) === 0) {
    await createWorkflowPasses(db, { projectId: project.id, passes: VOICES_PASSES });
  }
  const batch = await createImportBatch(db, {
    projectId: project.id,
    source: 'SEED',
    label: 'Voices media',
    createdById: input.ownerId,
  });
  for (const file of input.audio) {
    await createAsset(db, { projectId: project.id, file, kind: 'AUDIO', importBatchId: batch.id, source: 'SEED' });
  }
  return project;
}
