import { ZTaxonomyDefinitionSchema, type TTaxonomyDefinition } from '@/lib/schemas/taxonomy';
import { ZTaxonomyOperationsSchema, type TTaxonomyOperation } from '@/lib/taxonomy-migration/operations';
import { validateOperations, type OperationProblem } from '@/lib/taxonomy-migration/validate-operations';
import type { Db, Tx } from '../db';
import { AppError } from '../errors';
import { DEFAULT_TAXONOMY_NAME } from './default-taxonomy-name';
import { labeledClasses } from './labeled-classes';
import { labeledValues, valueKey } from './labeled-values';

export interface MigrationPlan {
  draft: { id: string; version: number; definition: TTaxonomyDefinition };
  /** The latest published version: the labels the operations start from. Null before the first publish. */
  from: { id: string; version: number; definition: TTaxonomyDefinition } | null;
  operations: TTaxonomyOperation[];
  problems: OperationProblem[];
}

/** The project's draft, the version it follows and its operations checked against both (409 without a draft). */
export async function loadMigrationPlan(client: Db | Tx, projectId: string): Promise<MigrationPlan> {
  const versions = await client.taxonomyVersion.findMany({
    where: { taxonomy: { projectId, name: DEFAULT_TAXONOMY_NAME } },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, status: true, definition: true, operations: true },
  });
  const draft = versions.find((v) => v.status === 'DRAFT');
  if (!draft) throw new AppError('CONFLICT', 'There is no draft to publish: edit the taxonomy first');
  const published = versions.find((v) => v.status === 'PUBLISHED');
  const definition = ZTaxonomyDefinitionSchema.parse(draft.definition);
  const operations = ZTaxonomyOperationsSchema.parse(draft.operations);
  const from = published
    ? { id: published.id, version: published.version, definition: ZTaxonomyDefinitionSchema.parse(published.definition) }
    : null;
  const problems = from
    ? await withoutUnusedVanished(client, from.id, validateOperations(operations, from.definition, definition))
    : operations.map((_, operation) => ({ operation, message: 'the first version has no labels to migrate' }));
  return { draft: { id: draft.id, version: draft.version, definition }, from, operations, problems };
}

/** A class or an enum value dropped with no operation is a problem only when labels use it: with none, nothing is lost. */
async function withoutUnusedVanished(
  client: Db | Tx,
  fromVersionId: string,
  problems: OperationProblem[],
): Promise<OperationProblem[]> {
  const vanished = problems.flatMap((p) => (p.vanishedClassId ? [p.vanishedClassId] : []));
  const values = problems.flatMap((p) => (p.vanishedValue ? [p.vanishedValue] : []));
  const used = await labeledClasses(client, fromVersionId, vanished);
  const usedValues = await labeledValues(client, fromVersionId, values);
  return problems.filter(
    (p) => (!p.vanishedClassId || used.has(p.vanishedClassId)) && (!p.vanishedValue || usedValues.has(valueKey(p.vanishedValue))),
  );
}
