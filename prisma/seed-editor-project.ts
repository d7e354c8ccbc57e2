import type { PrismaClient } from '@/server/generated/prisma/client';
import type { AssetKind, Role } from '@/server/generated/prisma/enums';
import type { TGeometry, TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { addMember } from './factories/add-member';
import { createAsset } from './factories/create-asset';
import { createImportBatch } from './factories/create-import-batch';
import { createProject } from './factories/create-project';
import { createTaxonomy } from './factories/create-taxonomy';
import { createWorkflowPasses, type WorkflowPassInput } from './factories/create-workflow';

// A project made to try one editor on (voices: audio, clips: video): its taxonomy, a label → review →
// adjudicate workflow and media left RAW, which seed.ts queues for ingest; each file gets its task
// as the workers make it READY (autoCreateTasks).

export interface EditorProjectSpec {
  slug: string;
  name: string;
  description: string;
  taxonomy: TTaxonomyClass[];
  passes: WorkflowPassInput[];
  kind: AssetKind;
  batchLabel: string;
}

export async function seedEditorProject(
  db: PrismaClient,
  spec: EditorProjectSpec,
  input: { ownerId: string; members: { userId: string; role: Role }[]; files: string[] },
) {
  const created = await createProject(db, {
    ownerId: input.ownerId,
    slug: spec.slug,
    name: spec.name,
    description: spec.description,
  });
  const project = created.autoCreateTasks
    ? created
    : await db.project.update({ where: { id: created.id }, data: { autoCreateTasks: true } });
  for (const m of input.members) await addMember(db, { projectId: project.id, ...m });
  await createTaxonomy(db, { projectId: project.id, classes: spec.taxonomy, publish: true, publishedById: input.ownerId });
  if ((await db.workflowPass.count({ where: { projectId: project.id } })) === 0) {
    await createWorkflowPasses(db, { projectId: project.id, passes: spec.passes });
  }
  const batch = await createImportBatch(db, {
    projectId: project.id,
    source: 'SEED',
    label: spec.batchLabel,
    createdById: input.ownerId,
  });
  for (const file of input.files) {
    await createAsset(db, { projectId: project.id, file, kind: spec.kind, importBatchId: batch.id, source: 'SEED' });
  }
  return project;
}

/** Label, review, adjudicate: the label pass draws `geometries`. */
export const editorPasses = (label: string, geometries: TGeometry[]): WorkflowPassInput[] => [
  {
    kind: 'LABEL',
    name: label,
    roles: ['ANNOTATOR', 'REVIEWER', 'DATA_LEAD', 'OWNER'],
    scope: { classIds: [], geometries, attributeIds: [] },
  },
  { kind: 'REVIEW', name: 'Review', roles: ['REVIEWER', 'DATA_LEAD', 'OWNER'] },
  { kind: 'ADJUDICATE', name: 'Adjudicate', roles: ['DATA_LEAD', 'OWNER'] },
];
