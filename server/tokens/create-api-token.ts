import type { TApiToken } from '@/lib/schemas/api-token';
import { recordAudit } from '../audit';
import { hashTokenSecret, newTokenSecret } from '../auth/token-secret';
import type { Ctx } from '../context';
import { db } from '../db';
import { presentApiToken } from '../presenters/api-token';

export async function createApiToken(
  ctx: Ctx,
  input: { name: string; expiresInDays: number | null },
): Promise<TApiToken & { secret: string }> {
  const secret = newTokenSecret();
  return db().$transaction(async (tx) => {
    const token = await tx.apiToken.create({
      data: {
        userId: ctx.actor.id,
        name: input.name,
        tokenHash: hashTokenSecret(secret),
        prefix: secret.slice(0, 12),
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'token.create',
      subjectType: 'ApiToken',
      subjectId: token.id,
      after: { name: input.name },
    });
    return { ...presentApiToken(token), secret };
  });
}
