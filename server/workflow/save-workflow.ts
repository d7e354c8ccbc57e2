import type { TPassInput, TWorkflow } from '@/lib/schemas/workflow';
import { ZPassInputSchema } from '@/lib/schemas/workflow';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError } from '../errors';
import { authorizeProject } from '../permissions';
import { presentWorkflow } from './get-workflow';

/**
 * Replaces the project's passes. Passes keep their ids (and so their tasks and history) across
 * edits; one left out is archived, which is refused while tasks still wait or are worked in it.
 * A LABEL pass with overlap > 1 needs an ADJUDICATE pass to send disagreements to. With
 * `autoCreateTasks`, assets that become READY later enter the first pass by themselves.
 */
export async function saveWorkflow(
  ctx: Ctx,
  input: { projectId: string; passes: TPassInput[]; autoCreateTasks?: boolean },
): Promise<TWorkflow> {
  const passes = input.passes.map((p) => ZPassInputSchema.parse(p));
  if (passes.some((p) => p.kind === 'LABEL' && p.overlap > 1) && !passes.some((p) => p.kind === 'ADJUDICATE')) {
    throw new AppError('VALIDATION', 'A LABEL pass with overlap above 1 needs an ADJUDICATE pass for disagreements', {
      issues: [{ path: ['passes'], message: 'add an ADJUDICATE pass' }],
    });
  }
  return db().$transaction(async (tx) => {
    const access = await authorizeProject(tx, ctx, input.projectId, 'workflow:manage');
    await tx.$queryRaw`SELECT id FROM "Project" WHERE id = ${access.projectId} FOR UPDATE`;
    const before = await tx.workflowPass.findMany({
      where: { projectId: access.projectId, archivedAt: null },
      orderBy: { position: 'asc' },
    });
    const unknown = passes.find((p) => p.id && !before.some((b) => b.id === p.id));
    if (unknown) throw new AppError('NOT_FOUND', `Pass "${unknown.name}" not found in this workflow`);
    const removed = before.filter((b) => !passes.some((p) => p.id === b.id));
    const busy = removed.length > 0 ? await tx.task.count({ where: { passId: { in: removed.map((r) => r.id) } } }) : 0;
    if (busy > 0) {
      throw new AppError(
        'CONFLICT',
        `${busy} task(s) are still in the pass(es) you removed (${removed.map((r) => r.name).join(', ')}); finish them first`,
      );
    }
    await tx.workflowPass.updateMany({ where: { id: { in: removed.map((r) => r.id) } }, data: { archivedAt: new Date() } });
    for (const [position, { id, ...fields }] of passes.entries()) {
      const data = { ...fields, position, scope: fields.scope };
      if (id) await tx.workflowPass.update({ where: { id }, data });
      else await tx.workflowPass.create({ data: { ...data, projectId: access.projectId } });
    }
    if (input.autoCreateTasks !== undefined) {
      await tx.project.update({ where: { id: access.projectId }, data: { autoCreateTasks: input.autoCreateTasks } });
    }
    const after = await presentWorkflow(tx, access.projectId, access.role);
    await recordAudit(tx, ctx, {
      action: 'workflow.save',
      projectId: access.projectId,
      subjectType: 'Project',
      subjectId: access.projectId,
      before: before.map((b) => ({ id: b.id, kind: b.kind, name: b.name, overlap: b.overlap, sampleRate: b.sampleRate })),
      after: after.passes.map((p) => ({ id: p.id, kind: p.kind, name: p.name, overlap: p.overlap, sampleRate: p.sampleRate })),
    });
    return after;
  });
}
