import { recordAudit } from '../audit';
import { hashPassword } from '../auth/password';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError } from '../errors';
import { findOpenInvitation } from './find-open-invitation';

/**
 * Accepting creates the account (name + password) and the membership in one transaction. If an
 * account with the invited email exists, only that user, signed in, may accept.
 */
export async function acceptInvitation(
  ctx: Ctx | null,
  input: { token: string; name: string; password: string },
): Promise<{ projectSlug: string; email: string }> {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const invitation = await findOpenInvitation(tx, input.token);
    const existing = await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
    if (existing && ctx?.actor.id !== existing.id) {
      throw new AppError('CONFLICT', `An account for ${invitation.email} exists: sign in as it, then open the link again`);
    }
    const userId =
      existing?.id ??
      (
        await tx.user.create({
          data: { email: invitation.email, name: input.name, passwordHash, isSiteAdmin: (await tx.user.count()) === 0 },
          select: { id: true },
        })
      ).id;
    await tx.membership.upsert({
      where: { projectId_userId: { projectId: invitation.projectId, userId } },
      update: {},
      create: { projectId: invitation.projectId, userId, role: invitation.role },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    const actor = {
      actor: { id: userId, email: invitation.email, name: input.name, isSiteAdmin: false },
      via: 'session' as const,
    };
    await recordAudit(tx, actor, {
      action: 'member.invite.accept',
      projectId: invitation.projectId,
      subjectType: 'Invitation',
      subjectId: invitation.id,
      after: { userId, role: invitation.role },
    });
    return { projectSlug: invitation.project.slug, email: invitation.email };
  });
}
