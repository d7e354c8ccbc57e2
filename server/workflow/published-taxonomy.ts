import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { Db, Tx } from '../db';
import { AppError } from '../errors';

export interface PublishedTaxonomy {
  id: string;
  version: number;
  classes: TTaxonomyClass[];
}

/** The project's current published taxonomy version: the one new labels are made against. */
export async function currentTaxonomy(client: Db | Tx, projectId: string): Promise<PublishedTaxonomy> {
  const version = await client.taxonomyVersion.findFirst({
    where: { taxonomy: { projectId }, status: 'PUBLISHED' },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, definition: true },
  });
  if (!version) throw new AppError('CONFLICT', 'Publish a taxonomy before labeling: there are no classes to label with yet');
  return toPublished(version);
}

export function toPublished(version: { id: string; version: number; definition: unknown }): PublishedTaxonomy {
  const classes = (version.definition as { classes?: TTaxonomyClass[] }).classes ?? [];
  return { id: version.id, version: version.version, classes };
}
