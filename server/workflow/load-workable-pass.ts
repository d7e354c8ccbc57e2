import type { Ctx } from '../context';
import type { Db, Tx } from '../db';
import { AppError, notFound } from '../errors';
import type { Pass, Role } from '../generated/prisma/enums';
import { projectRefWhere } from '../permissions';

export interface WorkablePass {
  id: string;
  projectId: string;
  kind: Pass;
  name: string;
  role: Role;
}

/**
 * A live pass of a project the caller belongs to, in one query (the claim path is hot). Non-members
 * get 404 like any other project object; members whose role the pass does not take get 403.
 */
export async function loadWorkablePass(
  client: Db | Tx,
  ctx: Ctx,
  input: { projectId: string; passId: string },
): Promise<WorkablePass> {
  const pass = await client.workflowPass.findFirst({
    where: {
      id: input.passId,
      archivedAt: null,
      project: { ...projectRefWhere(input.projectId), memberships: { some: { userId: ctx.actor.id } } },
    },
    select: {
      id: true,
      projectId: true,
      kind: true,
      name: true,
      roles: true,
      project: { select: { memberships: { where: { userId: ctx.actor.id }, select: { role: true } } } },
    },
  });
  const role = pass?.project.memberships[0]?.role;
  if (!pass || !role) throw notFound('Pass');
  if (!pass.roles.includes(role)) throw new AppError('FORBIDDEN', `Your role (${role}) does not work in "${pass.name}"`);
  return { id: pass.id, projectId: pass.projectId, kind: pass.kind, name: pass.name, role };
}
