import { actorContext } from '@/server/auth/authenticate-request';
import type { Ctx } from '@/server/context';
import { db } from '@/server/db';
import { AppError } from '@/server/errors';

/**
 * Who a CLI command acts as: `--as` someone, else the project's first owner. Either way the domain
 * function checks what they may do, as it does for a request.
 */
export async function actingUser(projectRef: string, email: string | undefined): Promise<Ctx> {
  const project = await db().project.findFirst({
    where: { OR: [{ id: projectRef }, { slug: projectRef }] },
    select: { id: true },
  });
  if (!project) throw new AppError('NOT_FOUND', `No project "${projectRef}"`);
  const userId = email
    ? (await db().user.findFirst({ where: { email: { equals: email, mode: 'insensitive' } }, select: { id: true } }))?.id
    : (
        await db().membership.findFirst({
          where: { projectId: project.id, role: 'OWNER' },
          orderBy: { createdAt: 'asc' },
          select: { userId: true },
        })
      )?.userId;
  const ctx = userId ? await actorContext(userId, 'cli') : null;
  if (!ctx) throw new AppError('NOT_FOUND', email ? `No active user ${email}` : 'The project has no owner to act as; pass --as');
  return ctx;
}
