import type { TTaxonomyVersion } from '@/lib/schemas/taxonomy';
import type { Ctx } from '../context';
import { db } from '../db';
import { notFound } from '../errors';
import { authorizeProject } from '../permissions';
import { presentTaxonomyVersion, TAXONOMY_VERSION_SELECT } from '../presenters/taxonomy-version';
import { DEFAULT_TAXONOMY_NAME } from './default-taxonomy-name';

export async function getTaxonomyVersion(ctx: Ctx, input: { projectId: string; version: number }): Promise<TTaxonomyVersion> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'taxonomy:read');
  const row = await db().taxonomyVersion.findFirst({
    where: { version: input.version, taxonomy: { projectId: access.projectId, name: DEFAULT_TAXONOMY_NAME } },
    select: TAXONOMY_VERSION_SELECT,
  });
  if (!row) throw notFound(`Taxonomy version ${input.version}`);
  return presentTaxonomyVersion(row);
}
