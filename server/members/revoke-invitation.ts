import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { notFound } from '../errors';
import { authorizeProject } from '../permissions';

export async function revokeInvitation(ctx: Ctx, input: { projectId: string; invitationId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const access = await authorizeProject(tx, ctx, input.projectId, 'members:manage');
    const { count } = await tx.invitation.updateMany({
      where: { id: input.invitationId, projectId: access.projectId, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound('Invitation');
    await recordAudit(tx, ctx, {
      action: 'member.invite.revoke',
      projectId: access.projectId,
      subjectType: 'Invitation',
      subjectId: input.invitationId,
    });
  });
}
