import type { TTaxonomyVersionDiff } from '@/lib/schemas/taxonomy-diff';
import { diffVersions } from '@/lib/taxonomy-migration/diff-versions';
import type { Ctx } from '../context';
import { db } from '../db';
import { notFound } from '../errors';
import { authorizeProject } from '../permissions';
import { presentTaxonomyVersion, TAXONOMY_VERSION_SELECT } from '../presenters/taxonomy-version';
import { DEFAULT_TAXONOMY_NAME } from './default-taxonomy-name';

/**
 * Version `version` against version `other` (any member: every version is readable by them): the
 * classes field by field from the first to the second, and the operations each version between them
 * recorded, which say how labels moved (a diff alone cannot tell a merge from a deletion).
 */
export async function diffTaxonomyVersions(
  ctx: Ctx,
  input: { projectId: string; version: number; other: number },
): Promise<TTaxonomyVersionDiff> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'taxonomy:read');
  const [low, high] = [Math.min(input.version, input.other), Math.max(input.version, input.other)];
  const rows = await db().taxonomyVersion.findMany({
    where: { version: { gte: low, lte: high }, taxonomy: { projectId: access.projectId, name: DEFAULT_TAXONOMY_NAME } },
    select: TAXONOMY_VERSION_SELECT,
    orderBy: { version: 'asc' },
  });
  const versions = rows.map(presentTaxonomyVersion);
  const find = (n: number) => versions.find((v) => v.version === n) ?? notFoundVersion(n);
  const [a, b] = [find(input.version), find(input.other)];
  const names: Record<string, string> = {};
  for (const v of [...versions].reverse()) for (const c of v.definition.classes) names[c.id] = c.name;
  return {
    from: a.version,
    to: b.version,
    classes: diffVersions(a.definition, b.definition),
    steps: versions.filter((v) => v.version > low).map((v) => ({ version: v.version, operations: v.operations })),
    names,
  };
}

function notFoundVersion(version: number): never {
  throw notFound(`Taxonomy version ${version}`);
}
