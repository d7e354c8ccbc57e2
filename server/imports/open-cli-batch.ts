import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject } from '../permissions';

/**
 * The CLI's batch: source CLI, which the API does not offer (a folder on the server's disk is an
 * operator's import, never a web request's). The acting user must still hold assets:write.
 */
export async function openCliBatch(
  ctx: Ctx,
  input: { projectId: string; label: string },
): Promise<{ id: string; projectId: string }> {
  return db().$transaction(async (tx) => {
    const access = await authorizeProject(tx, ctx, input.projectId, 'assets:write');
    const batch = await tx.importBatch.create({
      data: { projectId: access.projectId, source: 'CLI', label: input.label, createdById: ctx.actor.id },
      select: { id: true, projectId: true },
    });
    await recordAudit(tx, ctx, {
      action: 'import.create',
      projectId: access.projectId,
      subjectType: 'ImportBatch',
      subjectId: batch.id,
      after: { source: 'CLI', label: input.label, as: ctx.actor.email },
    });
    return batch;
  });
}
