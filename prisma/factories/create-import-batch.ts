import type { PrismaClient } from '@/server/generated/prisma/client';
import type { ImportSource } from '@/server/generated/prisma/enums';

export interface CreateImportBatchInput {
  projectId: string;
  source: ImportSource;
  label: string;
  createdById?: string;
}

// Import batches have no natural key, so (project, source, label) stands in for one: the seed's batch
// is found again on a second run instead of duplicated.
export async function createImportBatch(db: PrismaClient, input: CreateImportBatchInput) {
  const existing = await db.importBatch.findFirst({
    where: { projectId: input.projectId, source: input.source, label: input.label },
    orderBy: { createdAt: 'asc' },
  });
  return existing ?? db.importBatch.create({ data: { ...input, createdById: input.createdById ?? null } });
}
