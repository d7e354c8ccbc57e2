import type { AttributeDefinition } from '@/lib/quality/quality-report';
import { ZTaxonomyDefinitionSchema } from '@/lib/schemas/taxonomy';
import { rows, sql, type SqlClient } from '../sql';

/**
 * Names, colors and attribute types of every class the project's taxonomy ever had, the newest version
 * winning: a report spans annotations made under several versions, and a class renamed since shows
 * under its current name (its id is stable).
 */
export async function loadTaxonomyLabels(client: SqlClient, projectId: string) {
  const versions = await rows<{ definition: unknown }>(
    sql`SELECT v.definition FROM "TaxonomyVersion" v JOIN "Taxonomy" t ON t.id = v."taxonomyId"
      WHERE t."projectId" = ${projectId} ORDER BY v.version`,
    client,
  );
  const classes = new Map<string, { id: string; name: string; color: string }>();
  const attributes = new Map<string, AttributeDefinition>();
  for (const { definition } of versions) {
    const parsed = ZTaxonomyDefinitionSchema.safeParse(definition);
    if (!parsed.success) continue;
    for (const c of parsed.data.classes) {
      classes.set(c.id, { id: c.id, name: c.name, color: c.color });
      for (const a of c.attributes) {
        attributes.set(`${c.id}/${a.id}`, { classId: c.id, attributeId: a.id, name: a.name, type: a.type });
      }
    }
  }
  return { classes: [...classes.values()], attributes: [...attributes.values()] };
}
