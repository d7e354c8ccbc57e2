import type { TTaskCreate } from '@/lib/schemas/workflow';
import { ZTaskCreateSchema } from '@/lib/schemas/workflow';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { authorizeProject } from '../permissions';
import { livePasses, nextPassFor } from './pass-order';

/**
 * Tasks for READY assets that have none yet, queued in the workflow's first pass with its overlap.
 * Assets still processing or quarantined are not labelable and are counted as skipped.
 */
export async function createTasks(
  ctx: Ctx,
  input: { projectId: string } & TTaskCreate,
): Promise<{ created: number; skipped: number }> {
  const { selection, priority } = ZTaskCreateSchema.parse(input);
  return db().$transaction(async (tx) => {
    const access = await authorizeProject(tx, ctx, input.projectId, 'workflow:manage');
    const first = nextPassFor(await livePasses(tx, access.projectId), null, '');
    if (!first) throw new AppError('CONFLICT', 'Set up the workflow (at least one LABEL pass) before creating tasks');
    const where: Prisma.AssetWhereInput = { projectId: access.projectId };
    if (selection.by === 'all' && selection.kind) where.kind = selection.kind;
    if (selection.by === 'assets') where.id = { in: selection.assetIds };
    if (selection.by === 'batch') where.importBatchId = selection.batchId;
    const [selected, eligible] = await Promise.all([
      tx.asset.count({ where }),
      tx.asset.findMany({ where: { ...where, stage: 'READY', tasks: { none: {} } }, select: { id: true } }),
    ]);
    await tx.task.createMany({
      data: eligible.map((asset) => ({
        projectId: access.projectId,
        assetId: asset.id,
        overlap: first.overlap,
        priority,
        passId: first.id,
        openSlots: first.overlap,
      })),
    });
    await recordAudit(tx, ctx, {
      action: 'tasks.create',
      projectId: access.projectId,
      subjectType: 'Project',
      subjectId: access.projectId,
      after: { selection, priority, created: eligible.length, pass: first.name },
    });
    return { created: eligible.length, skipped: selected - eligible.length };
  });
}
