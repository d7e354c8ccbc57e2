import type { TApiToken } from '@/lib/schemas/api-token';
import type { Ctx } from '../context';
import { db } from '../db';
import { presentApiToken } from '../presenters/api-token';

export async function listApiTokens(ctx: Ctx): Promise<TApiToken[]> {
  const tokens = await db().apiToken.findMany({
    where: { userId: ctx.actor.id, revokedAt: null },
    orderBy: { createdAt: 'desc' },
  });
  return tokens.map(presentApiToken);
}
