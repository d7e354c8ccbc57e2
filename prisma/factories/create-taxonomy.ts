import { createHash } from 'node:crypto';
import type { PrismaClient } from '@/server/generated/prisma/client';
import { canonicalJson } from '@/lib/canonical-json';
import { ZTaxonomyDefinitionSchema, type TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { DEFAULT_TAXONOMY_NAME } from '@/server/taxonomy/default-taxonomy-name';
import { DEMO_TAXONOMY } from './demo-taxonomy';

export interface CreateTaxonomyInput {
  projectId: string;
  name?: string;
  classes?: TTaxonomyClass[];
  publish?: boolean;
  // Defaults to the project's creator.
  publishedById?: string;
}

// Makes version 1 of the project's taxonomy (a draft, or published when asked). An existing version 1
// is returned as it is: published versions are immutable (a trigger refuses updates), so running the
// seed again never tries to rewrite one. A draft is published when asked.
export async function createTaxonomy(db: PrismaClient, input: CreateTaxonomyInput) {
  const definition = ZTaxonomyDefinitionSchema.parse({ classes: input.classes ?? DEMO_TAXONOMY.classes });
  const name = input.name ?? DEFAULT_TAXONOMY_NAME;
  const taxonomy = await db.taxonomy.upsert({
    where: { projectId_name: { projectId: input.projectId, name } },
    create: { projectId: input.projectId, name },
    update: {},
  });
  const existing = await db.taxonomyVersion.findUnique({
    where: { taxonomyId_version: { taxonomyId: taxonomy.id, version: 1 } },
  });
  if (existing && (existing.status === 'PUBLISHED' || !input.publish)) return { taxonomy, version: existing };
  const publication = input.publish ? await publicationOf(db, input, existing?.definition ?? definition) : {};
  const version = existing
    ? await db.taxonomyVersion.update({ where: { id: existing.id }, data: publication })
    : await db.taxonomyVersion.create({ data: { taxonomyId: taxonomy.id, version: 1, definition, ...publication } });
  return { taxonomy, version };
}

async function publicationOf(db: PrismaClient, input: CreateTaxonomyInput, definition: unknown) {
  const publishedById =
    input.publishedById ?? (await db.project.findUniqueOrThrow({ where: { id: input.projectId } })).createdById;
  return {
    status: 'PUBLISHED' as const,
    publishedAt: new Date(),
    publishedById,
    // The same checksum publishing in the app computes.
    checksum: createHash('sha256').update(canonicalJson(definition)).digest('hex'),
  };
}
