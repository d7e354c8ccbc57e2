import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/canonical-json';
import { ZTaxonomyDefinitionSchema, type TTaxonomyVersion } from '@/lib/schemas/taxonomy';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError } from '../errors';
import { authorizeProject } from '../permissions';
import { presentTaxonomyVersion, TAXONOMY_VERSION_SELECT } from '../presenters/taxonomy-version';
import { DEFAULT_TAXONOMY_NAME } from './default-taxonomy-name';

/** Freezes the draft as a published version with a checksum; the database refuses later edits to it. */
export async function publishTaxonomyVersion(ctx: Ctx, input: { projectId: string }): Promise<TTaxonomyVersion> {
  return db().$transaction(async (tx) => {
    const access = await authorizeProject(tx, ctx, input.projectId, 'taxonomy:write');
    const draft = await tx.taxonomyVersion.findFirst({
      where: { status: 'DRAFT', taxonomy: { projectId: access.projectId, name: DEFAULT_TAXONOMY_NAME } },
    });
    if (!draft) throw new AppError('CONFLICT', 'There is no draft to publish: edit the taxonomy first');
    const definition = ZTaxonomyDefinitionSchema.parse(draft.definition);
    if (definition.classes.length === 0) {
      throw new AppError('UNPROCESSABLE', 'A taxonomy needs at least one class before it can be published');
    }
    const published = await tx.taxonomyVersion.update({
      where: { id: draft.id },
      data: {
        status: 'PUBLISHED',
        definition,
        checksum: createHash('sha256').update(canonicalJson(definition)).digest('hex'),
        publishedAt: new Date(),
        publishedById: ctx.actor.id,
      },
      select: TAXONOMY_VERSION_SELECT,
    });
    await recordAudit(tx, ctx, {
      action: 'taxonomy.publish',
      projectId: access.projectId,
      subjectType: 'TaxonomyVersion',
      subjectId: published.id,
      after: { version: published.version, checksum: published.checksum },
    });
    return presentTaxonomyVersion(published);
  });
}
