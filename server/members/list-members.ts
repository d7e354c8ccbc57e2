import type { TInvitation, TMember } from '@/lib/schemas/project';
import type { Ctx } from '../context';
import { db } from '../db';
import { authorizeProject, can } from '../permissions';
import { MEMBER_SELECT, presentInvitation, presentMember } from '../presenters/member';

export async function listMembers(
  ctx: Ctx,
  input: { projectId: string },
): Promise<{ members: TMember[]; invitations: TInvitation[] }> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'members:read');
  const [members, invitations] = await Promise.all([
    db().membership.findMany({ where: { projectId: access.projectId }, select: MEMBER_SELECT, orderBy: { createdAt: 'asc' } }),
    // Pending invitations (who was invited, by email) are for those who manage members only.
    can(access.role, 'members:manage')
      ? db().invitation.findMany({
          where: { projectId: access.projectId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
          orderBy: { createdAt: 'desc' },
        })
      : [],
  ]);
  return { members: members.map(presentMember), invitations: invitations.map(presentInvitation) };
}
