import type { TProject } from '@/lib/schemas/project';
import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject } from '../permissions';
import { PROJECT_SELECT, presentProject } from '../presenters/project';

export async function getProject(ctx: Ctx, input: { projectId: string }): Promise<TProject> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'project:read');
  const row = await db().project.findUniqueOrThrow({ where: { id: access.projectId }, select: PROJECT_SELECT });
  return presentProject(row, access.role);
}
