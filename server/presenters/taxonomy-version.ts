import { ZTaxonomyDefinitionSchema, type TTaxonomyVersion } from '@/lib/schemas/taxonomy';
import { ZTaxonomyOperationsSchema } from '@/lib/taxonomy-migration/operations';
import type { TaxonomyVersionStatus } from '../generated/prisma/enums';

export const TAXONOMY_VERSION_SELECT = {
  id: true,
  version: true,
  status: true,
  definition: true,
  operations: true,
  checksum: true,
  publishedAt: true,
  updatedAt: true,
  publishedBy: { select: { name: true } },
} as const;

export interface TaxonomyVersionRow {
  id: string;
  version: number;
  status: TaxonomyVersionStatus;
  definition: unknown;
  operations: unknown;
  checksum: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  publishedBy: { name: string } | null;
}

export function presentTaxonomyVersion(row: TaxonomyVersionRow): TTaxonomyVersion {
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    // Stored definitions were validated on write; parsing again fills defaults added since.
    definition: ZTaxonomyDefinitionSchema.parse(row.definition),
    operations: ZTaxonomyOperationsSchema.parse(row.operations),
    checksum: row.checksum,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedBy?.name ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
