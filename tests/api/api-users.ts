import { createProject } from '@/prisma/factories/create-project';
import { createUser } from '@/prisma/factories/create-user';
import { addMember } from '@/prisma/factories/add-member';
import { hashTokenSecret, newTokenSecret } from '@/server/auth/token-secret';
import { db } from '@/server/db';
import type { Ctx } from '@/server/context';
import type { Role } from '@/server/generated/prisma/enums';

export const ROLES: Role[] = ['OWNER', 'DATA_LEAD', 'REVIEWER', 'ANNOTATOR'];

/** A user with an API token, so tests call the API as that user exactly as a script would. */
export async function userWithToken(input: { isSiteAdmin?: boolean; email?: string } = {}) {
  const user = await createUser(db(), input);
  const token = newTokenSecret();
  await db().apiToken.create({
    data: { userId: user.id, name: 'test', prefix: token.slice(0, 12), tokenHash: hashTokenSecret(token) },
  });
  return { user, token };
}

/** A project with one member per role, plus an outsider who owns a project of their own. */
export async function projectWithEveryRole() {
  const owner = await userWithToken();
  const project = await createProject(db(), { ownerId: owner.user.id });
  const members: Record<Role, Awaited<ReturnType<typeof userWithToken>>> = { OWNER: owner } as never;
  for (const role of ROLES.slice(1)) {
    members[role] = await userWithToken();
    await addMember(db(), { projectId: project.id, userId: members[role].user.id, role });
  }
  const outsider = await userWithToken();
  const otherProject = await createProject(db(), { ownerId: outsider.user.id });
  return { project, members, outsider, otherProject };
}

/** A domain-level context for a new user, for tests that call server/ functions directly. */
export async function actorCtx(input: { isSiteAdmin?: boolean } = {}): Promise<Ctx> {
  const user = await createUser(db(), input);
  return { actor: { id: user.id, email: user.email, name: user.name, isSiteAdmin: user.isSiteAdmin }, via: 'session' };
}
