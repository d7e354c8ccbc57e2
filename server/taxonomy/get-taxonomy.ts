import type { TTaxonomy } from '@/lib/schemas/taxonomy';
import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject } from '../permissions';
import { presentTaxonomyVersion, TAXONOMY_VERSION_SELECT } from '../presenters/taxonomy-version';
import { DEFAULT_TAXONOMY_NAME } from './default-taxonomy-name';

export async function getTaxonomy(ctx: Ctx, input: { projectId: string }): Promise<TTaxonomy> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'taxonomy:read');
  const taxonomy = await db().taxonomy.findUnique({
    where: { projectId_name: { projectId: access.projectId, name: DEFAULT_TAXONOMY_NAME } },
    select: { id: true, versions: { select: TAXONOMY_VERSION_SELECT, orderBy: { version: 'desc' } } },
  });
  if (!taxonomy) return { id: null, published: null, draft: null, versions: [] };
  const draft = taxonomy.versions.find((v) => v.status === 'DRAFT');
  const published = taxonomy.versions.find((v) => v.status === 'PUBLISHED');
  return {
    id: taxonomy.id,
    draft: draft ? presentTaxonomyVersion(draft) : null,
    published: published ? presentTaxonomyVersion(published) : null,
    versions: taxonomy.versions.map((v) => ({
      id: v.id,
      version: v.version,
      status: v.status,
      publishedAt: v.publishedAt?.toISOString() ?? null,
      publishedBy: v.publishedBy?.name ?? null,
    })),
  };
}
