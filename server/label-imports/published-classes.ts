import { ZTaxonomyDefinitionSchema, type TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { one, sql } from '../sql';

/** The classes of the project's newest published taxonomy version, or null before the first is published. */
export async function publishedClasses(projectId: string): Promise<TTaxonomyClass[] | null> {
  const row = await one<{ definition: unknown }>(
    sql`SELECT v.definition FROM "TaxonomyVersion" v JOIN "Taxonomy" t ON t.id = v."taxonomyId"
      WHERE t."projectId" = ${projectId} AND v.status = 'PUBLISHED' ORDER BY v.version DESC LIMIT 1`,
  );
  return row ? ZTaxonomyDefinitionSchema.parse(row.definition).classes : null;
}
