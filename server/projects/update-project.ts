import type { TProject } from '@/lib/schemas/project';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject } from '../permissions';
import { PROJECT_SELECT, presentProject } from '../presenters/project';

export async function updateProject(
  ctx: Ctx,
  input: { projectId: string; name?: string; description?: string },
): Promise<TProject> {
  return db().$transaction(async (tx) => {
    const access = await authorizeProject(tx, ctx, input.projectId, 'project:update');
    const before = await tx.project.findUniqueOrThrow({
      where: { id: access.projectId },
      select: { name: true, description: true },
    });
    const row = await tx.project.update({
      where: { id: access.projectId },
      data: { name: input.name, description: input.description },
      select: PROJECT_SELECT,
    });
    await recordAudit(tx, ctx, {
      action: 'project.update',
      projectId: access.projectId,
      subjectType: 'Project',
      subjectId: access.projectId,
      before,
      after: { name: row.name, description: row.description },
    });
    return presentProject(row, access.role);
  });
}
