import type { Role } from '@/server/generated/prisma/enums';
import type { Ctx } from '@/server/context';
import { db } from '@/server/db';
import { publishTaxonomyVersion } from '@/server/taxonomy/publish-taxonomy-version';
import { saveTaxonomyDraft } from '@/server/taxonomy/save-taxonomy-draft';
import { saveWorkflow } from '@/server/workflow/save-workflow';
import { projectWithEveryRole } from './api-users';
import { freshAsset, ownerCtx } from './matrix-fixtures';

const ctxOf = (user: { id: string; email: string; name: string }): Ctx => ({ ...ownerCtx(user), via: 'session' });

/** A project with one member per role (as domain contexts) and a published cat/dog taxonomy. */
async function world() {
  const { project, members } = await projectWithEveryRole();
  const as = (role: Role) => ctxOf(members[role].user);
  const owner = as('OWNER');
  const classes = ['cat', 'dog'].map((id, i) => ({
    id,
    name: id,
    color: i ? '#0000ff' : '#ff0000',
    hotkey: String(i + 1),
    geometries: ['classification' as const],
    attributes: [],
    description: '',
  }));
  await saveTaxonomyDraft(owner, { projectId: project.id, definition: { classes }, baseUpdatedAt: null });
  await publishTaxonomyVersion(owner, { projectId: project.id });
  return { projectId: project.id, owner, lead: as('DATA_LEAD'), reviewer: as('REVIEWER'), annotator: as('ANNOTATOR') };
}

/** `n` assets marked READY (the pipeline is not what these tests are about). */
async function readyAssets(w: { projectId: string; owner: Ctx }, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await freshAsset(w.owner, w.projectId));
  await db().asset.updateMany({ where: { id: { in: ids } }, data: { stage: 'READY' } });
  return ids;
}

type PassRoles = Record<'label' | 'review' | 'adjudicate', Role[]>;

/** `world()` with a Label → Review → Adjudicate workflow whose passes take these roles. */
async function workflowWorld(roles: PassRoles) {
  const w = await world();
  const saved = await saveWorkflow(w.lead, {
    projectId: w.projectId,
    passes: [
      { kind: 'LABEL', name: 'Label', roles: roles.label },
      { kind: 'REVIEW', name: 'Review', roles: roles.review },
      { kind: 'ADJUDICATE', name: 'Adjudicate', roles: roles.adjudicate, slaHours: 24 },
    ],
  });
  const [label, review, adjudicate] = saved.passes.map((p) => p.id);
  return { ...w, passes: { label: label!, review: review!, adjudicate: adjudicate! } };
}

export const fx = { world, workflowWorld, readyAssets };
