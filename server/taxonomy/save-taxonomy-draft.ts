import type { TTaxonomyDefinition, TTaxonomyVersion } from '@/lib/schemas/taxonomy';
import type { TTaxonomyOperation } from '@/lib/taxonomy-migration/operations';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db, type Tx } from '../db';
import { AppError } from '../errors';
import { authorizeProject } from '../permissions';
import { presentTaxonomyVersion, TAXONOMY_VERSION_SELECT } from '../presenters/taxonomy-version';
import { DEFAULT_TAXONOMY_NAME } from './default-taxonomy-name';

/**
 * Saves the draft of the next version: updates the open draft, or opens one after the latest
 * published version. `baseUpdatedAt` is the draft the editor started from; if the draft moved on
 * since, the save is refused (409) instead of overwriting someone else's edit.
 */
export async function saveTaxonomyDraft(
  ctx: Ctx,
  input: { projectId: string; definition: TTaxonomyDefinition; operations?: TTaxonomyOperation[]; baseUpdatedAt: string | null },
): Promise<TTaxonomyVersion> {
  return db().$transaction(async (tx) => {
    const access = await authorizeProject(tx, ctx, input.projectId, 'taxonomy:write');
    const taxonomy = await tx.taxonomy.upsert({
      where: { projectId_name: { projectId: access.projectId, name: DEFAULT_TAXONOMY_NAME } },
      update: {},
      create: { projectId: access.projectId, name: DEFAULT_TAXONOMY_NAME },
      select: { id: true },
    });
    // Row lock: two concurrent saves serialise here, so the stale check below is reliable.
    await tx.$queryRaw`SELECT id FROM "Taxonomy" WHERE id = ${taxonomy.id} FOR UPDATE`;
    const draft = await tx.taxonomyVersion.findFirst({ where: { taxonomyId: taxonomy.id, status: 'DRAFT' } });
    if (draft && input.baseUpdatedAt !== draft.updatedAt.toISOString()) {
      throw new AppError('STALE_VERSION', 'The draft was changed by someone else since you opened it; reload to see it', {
        currentUpdatedAt: draft.updatedAt.toISOString(),
      });
    }
    const data = { definition: input.definition, operations: input.operations ?? [] };
    const saved = draft
      ? await tx.taxonomyVersion.update({
          where: { id: draft.id },
          data,
          select: TAXONOMY_VERSION_SELECT,
        })
      : await tx.taxonomyVersion.create({
          data: { taxonomyId: taxonomy.id, version: await nextVersion(tx, taxonomy.id), ...data },
          select: TAXONOMY_VERSION_SELECT,
        });
    await recordAudit(tx, ctx, {
      action: 'taxonomy.draft.save',
      projectId: access.projectId,
      subjectType: 'TaxonomyVersion',
      subjectId: saved.id,
      before: draft ? { definition: draft.definition, operations: draft.operations } : undefined,
      after: data,
    });
    return presentTaxonomyVersion(saved);
  });
}

async function nextVersion(tx: Tx, taxonomyId: string): Promise<number> {
  const latest = await tx.taxonomyVersion.aggregate({ where: { taxonomyId }, _max: { version: true } });
  return (latest._max.version ?? 0) + 1;
}
