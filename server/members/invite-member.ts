import { type z } from 'zod';
import type { ZInviteResultSchema } from '@/lib/schemas/project';
import { recordAudit } from '../audit';
import { newTokenSecret, hashTokenSecret } from '../auth/token-secret';
import type { Ctx } from '../context';
import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import type { Role } from '../generated/prisma/enums';
import { authorizeProject } from '../permissions';
import { MEMBER_SELECT, presentInvitation, presentMember } from '../presenters/member';

const INVITATION_DAYS = 14;

/**
 * A registered user is added at once. Anyone else gets a one-time accept link; only its hash is
 * stored, so the link is in this response only (no mail is sent from this machine).
 */
export async function inviteMember(
  ctx: Ctx,
  input: { projectId: string; email: string; role: Role },
): Promise<z.infer<typeof ZInviteResultSchema>> {
  return db().$transaction(async (tx) => {
    const access = await authorizeProject(tx, ctx, input.projectId, 'members:manage');
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (user) {
      const existing = await tx.membership.findUnique({
        where: { projectId_userId: { projectId: access.projectId, userId: user.id } },
      });
      if (existing) throw new AppError('CONFLICT', `${input.email} is already a member (${existing.role})`);
      const member = await tx.membership.create({
        data: { projectId: access.projectId, userId: user.id, role: input.role },
        select: MEMBER_SELECT,
      });
      await recordAudit(tx, ctx, {
        action: 'member.add',
        projectId: access.projectId,
        subjectType: 'User',
        subjectId: user.id,
        after: { email: input.email, role: input.role },
      });
      return { status: 'added' as const, member: presentMember(member) };
    }
    // A second invitation to the same address replaces the first (its old link stops working).
    await tx.invitation.updateMany({
      where: { projectId: access.projectId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    const secret = newTokenSecret();
    const invitation = await tx.invitation.create({
      data: {
        projectId: access.projectId,
        email: input.email,
        role: input.role,
        tokenHash: hashTokenSecret(secret),
        invitedById: ctx.actor.id,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      },
    });
    await recordAudit(tx, ctx, {
      action: 'member.invite',
      projectId: access.projectId,
      subjectType: 'Invitation',
      subjectId: invitation.id,
      after: { email: input.email, role: input.role },
    });
    return {
      status: 'invited' as const,
      invitation: presentInvitation(invitation),
      acceptUrl: `${env().NEXTAUTH_URL.replace(/\/$/, '')}/invite/${secret}`,
    };
  });
}
