import type { Ctx } from '../context';
import { AppError, notFound } from '../errors';
import type { Pass, Role } from '../generated/prisma/enums';
import { one, sql } from '../sql';

export interface WorkablePass {
  id: string;
  projectId: string;
  kind: Pass;
  name: string;
  role: Role;
}

/**
 * A live pass of a project the caller belongs to, in one statement on the pool (the claim path is hot). Non-members
 * get 404 like any other project object; members whose role the pass does not take get 403.
 */
export async function loadWorkablePass(ctx: Ctx, input: { projectId: string; passId: string }): Promise<WorkablePass> {
  const pass = await one<Omit<WorkablePass, 'role'> & { roles: Role[]; role: Role }>(sql`
    SELECT p.id, p."projectId", p.kind::text AS kind, p.name, p.roles::text[] AS roles, m.role::text AS role
    FROM "WorkflowPass" p
    JOIN "Project" project ON project.id = p."projectId"
    JOIN "Membership" m ON m."projectId" = project.id AND m."userId" = ${ctx.actor.id}
    WHERE p.id = ${input.passId} AND p."archivedAt" IS NULL AND (project.id = ${input.projectId} OR project.slug = ${input.projectId})`);
  if (!pass) throw notFound('Pass');
  if (!pass.roles.includes(pass.role))
    throw new AppError('FORBIDDEN', `Your role (${pass.role}) does not work in "${pass.name}"`);
  return { id: pass.id, projectId: pass.projectId, kind: pass.kind, name: pass.name, role: pass.role };
}
