import type { TMember } from '@/lib/schemas/project';
import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { notFound } from '../errors';
import type { Role } from '../generated/prisma/enums';
import { authorizeProject } from '../permissions';
import { MEMBER_SELECT, presentMember } from '../presenters/member';
import { assertAnotherOwnerRemains } from './assert-another-owner-remains';

export async function updateMemberRole(ctx: Ctx, input: { projectId: string; userId: string; role: Role }): Promise<TMember> {
  return db().$transaction(async (tx) => {
    const access = await authorizeProject(tx, ctx, input.projectId, 'members:manage');
    const where = { projectId_userId: { projectId: access.projectId, userId: input.userId } };
    const before = await tx.membership.findUnique({ where });
    if (!before) throw notFound('Member');
    if (before.role === 'OWNER' && input.role !== 'OWNER') await assertAnotherOwnerRemains(tx, access.projectId);
    const member = await tx.membership.update({ where, data: { role: input.role }, select: MEMBER_SELECT });
    await recordAudit(tx, ctx, {
      action: 'member.role',
      projectId: access.projectId,
      subjectType: 'User',
      subjectId: input.userId,
      before: { role: before.role },
      after: { role: input.role },
    });
    return presentMember(member);
  });
}
