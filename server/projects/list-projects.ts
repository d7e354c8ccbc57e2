import type { TProject } from '@/lib/schemas/project';
import type { Ctx } from '../context';
import { db } from '../db';
import { PROJECT_SELECT, presentProject } from '../presenters/project';

export async function listProjects(ctx: Ctx): Promise<TProject[]> {
  const memberships = await db().membership.findMany({
    where: { userId: ctx.actor.id, project: { archivedAt: null } },
    select: { role: true, project: { select: PROJECT_SELECT } },
    orderBy: { project: { createdAt: 'desc' } },
  });
  return memberships.map((m) => presentProject(m.project, m.role));
}
