import type { TImportBatch } from '@/lib/schemas/import';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject } from '../permissions';
import { IMPORT_BATCH_SELECT, presentImportBatch } from './present-import-batch';

/** Opens an import batch: the unit files, URLs and manifests are added to and reported by. */
export async function createImport(
  ctx: Ctx,
  input: { projectId: string; source: 'UPLOAD' | 'URL' | 'MANIFEST'; label: string },
): Promise<TImportBatch> {
  return db().$transaction(async (tx) => {
    const access = await authorizeProject(tx, ctx, input.projectId, 'assets:write');
    const batch = await tx.importBatch.create({
      data: { projectId: access.projectId, source: input.source, label: input.label, createdById: ctx.actor.id },
      select: IMPORT_BATCH_SELECT,
    });
    await recordAudit(tx, ctx, {
      action: 'import.create',
      projectId: access.projectId,
      subjectType: 'ImportBatch',
      subjectId: batch.id,
      after: { source: input.source, label: input.label },
    });
    return presentImportBatch(batch, { items: new Map(), stages: new Map() });
  });
}
