import { db } from '../db';
import type { Role } from '../generated/prisma/enums';
import { findOpenInvitation } from './find-open-invitation';

/** Public: anyone holding the link may see what it grants, nothing more. */
export async function getInvitation(input: { token: string }): Promise<{
  projectName: string;
  email: string;
  role: Role;
  accountExists: boolean;
}> {
  const invitation = await findOpenInvitation(db(), input.token);
  const user = await db().user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  return { projectName: invitation.project.name, email: invitation.email, role: invitation.role, accountExists: Boolean(user) };
}
