import { ZPassScopeSchema, type TWorkflow } from '@/lib/schemas/workflow';
import type { Ctx } from '../context';
import { db, type Db, type Tx } from '../db';
import { authorizeProject } from '../permissions';

/** The project's live passes in order, with how many tasks each holds, and which the caller may work in. */
export async function getWorkflow(ctx: Ctx, input: { projectId: string }): Promise<TWorkflow> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'project:read');
  return presentWorkflow(db(), access.projectId, access.role);
}

export async function presentWorkflow(client: Db | Tx, projectId: string, role: string): Promise<TWorkflow> {
  const project = await client.project.findUniqueOrThrow({ where: { id: projectId }, select: { autoCreateTasks: true } });
  const passes = await client.workflowPass.findMany({
    where: { projectId, archivedAt: null },
    orderBy: { position: 'asc' },
    include: { _count: { select: { tasks: true } } },
  });
  return {
    passes: passes.map((p) => ({
      id: p.id,
      position: p.position,
      kind: p.kind,
      name: p.name,
      overlap: p.overlap,
      sampleRate: p.sampleRate,
      agreementThreshold: p.agreementThreshold,
      slaHours: p.slaHours,
      roles: p.roles,
      scope: ZPassScopeSchema.parse(p.scope),
      taskCount: p._count.tasks,
    })),
    workablePassIds: passes.filter((p) => p.roles.some((r) => r === role)).map((p) => p.id),
    autoCreateTasks: project.autoCreateTasks,
    updatedAt: passes.length > 0 ? new Date(Math.max(...passes.map((p) => p.updatedAt.getTime()))).toISOString() : null,
  };
}
