import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { notFound } from '../errors';

export async function revokeApiToken(ctx: Ctx, input: { tokenId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    // The owner check is in the where-clause: another user's token id reads as unknown.
    const { count } = await tx.apiToken.updateMany({
      where: { id: input.tokenId, userId: ctx.actor.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw notFound('API token');
    await recordAudit(tx, ctx, { action: 'token.revoke', subjectType: 'ApiToken', subjectId: input.tokenId });
  });
}
