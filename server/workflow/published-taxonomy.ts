import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { TPassScope } from '@/lib/schemas/workflow';
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

/**
 * The classes a pass labels with: its scope's classes (all when it names none), each narrowed to the
 * scope's geometries when it names some (a pass that only tags whole items offers a box class as a
 * tag, where the class allows that); classes left with no geometry are not offered.
 */
export function classesInScope(classes: TTaxonomyClass[], scope: Pick<TPassScope, 'classIds' | 'geometries'>): TTaxonomyClass[] {
  const named = scope.classIds.length > 0 ? classes.filter((c) => scope.classIds.includes(c.id)) : classes;
  if (scope.geometries.length === 0) return named;
  return named.flatMap((c) => {
    const geometries = c.geometries.filter((g) => scope.geometries.includes(g));
    return geometries.length > 0 ? [{ ...c, geometries }] : [];
  });
}
