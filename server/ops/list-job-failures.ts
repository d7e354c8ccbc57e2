import type { TJobFailureList, TJobFailureListQuery } from '@/lib/schemas/ops';
import type { Prisma } from '../generated/prisma/client';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError } from '../errors';
import { requireSiteAdmin } from '../permissions';
import { JOB_FAILURE_SELECT, presentJobFailure } from './present-job-failure';

type Input = Partial<TJobFailureListQuery> & Pick<TJobFailureListQuery, 'limit'>;

/** Dead letters, newest first, keyset-paginated so new failures do not shift the pages. */
export async function listJobFailures(ctx: Ctx, input: Input): Promise<TJobFailureList> {
  requireSiteAdmin(ctx);
  const limit = Math.min(Math.max(input.limit, 1), 200);
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const where: Prisma.JobFailureWhereInput = {
    queue: input.queue,
    discardedAt: input.includeDiscarded ? undefined : null,
    ...(after && {
      OR: [{ failedAt: { lt: after.failedAt } }, { failedAt: after.failedAt, id: { lt: after.id } }],
    }),
  };
  const rows = await db().jobFailure.findMany({
    where,
    orderBy: [{ failedAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select: JOB_FAILURE_SELECT,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(presentJobFailure),
    nextCursor: rows.length > limit && last ? encodeCursor(last.failedAt, last.id) : null,
  };
}

function encodeCursor(failedAt: Date, id: string): string {
  return Buffer.from(`${failedAt.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { failedAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const failedAt = new Date(iso ?? '');
  if (!id || Number.isNaN(failedAt.getTime())) throw new AppError('VALIDATION', 'The cursor is not one this list gave out');
  return { failedAt, id };
}
