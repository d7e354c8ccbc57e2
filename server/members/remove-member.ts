import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { notFound } from '../errors';
import { authorizeProject } from '../permissions';
import { assertAnotherOwnerRemains } from './assert-another-owner-remains';

export async function removeMember(ctx: Ctx, input: { projectId: string; userId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const access = await authorizeProject(tx, ctx, input.projectId, 'members:manage');
    const where = { projectId_userId: { projectId: access.projectId, userId: input.userId } };
    const member = await tx.membership.findUnique({ where });
    if (!member) throw notFound('Member');
    if (member.role === 'OWNER') await assertAnotherOwnerRemains(tx, access.projectId);
    await tx.membership.delete({ where });
    await recordAudit(tx, ctx, {
      action: 'member.remove',
      projectId: access.projectId,
      subjectType: 'User',
      subjectId: input.userId,
      before: { role: member.role },
    });
  });
}
