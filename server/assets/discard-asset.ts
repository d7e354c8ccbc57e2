import { recordAudit } from '../audit';
import type { Ctx } from '../context';
import { db } from '../db';
import { AppError, notFound } from '../errors';
import { authorizeProject } from '../permissions';

/**
 * Removes a quarantined asset from its project. Its raw bytes stay in the immutable store (another
 * asset or a snapshot may share them; a blob sweep can collect orphans), and its import items keep
 * their record with the asset link cleared.
 */
export async function discardAsset(ctx: Ctx, input: { projectId: string; assetId: string }): Promise<null> {
  return db().$transaction(async (tx) => {
    const access = await authorizeProject(tx, ctx, input.projectId, 'assets:write');
    const before = await tx.asset.findFirst({
      where: { id: input.assetId, projectId: access.projectId },
      select: { stage: true, filename: true, blobSha256: true, failureReason: true },
    });
    if (!before) throw notFound('Asset');
    const deleted = await tx.asset.deleteMany({
      where: { id: input.assetId, projectId: access.projectId, stage: 'QUARANTINED' },
    });
    if (deleted.count === 0)
      throw new AppError('CONFLICT', `Only quarantined assets can be discarded; this one is ${before.stage}`);
    await recordAudit(tx, ctx, {
      action: 'asset.discard',
      projectId: access.projectId,
      subjectType: 'Asset',
      subjectId: input.assetId,
      before: { filename: before.filename, sha256: before.blobSha256, failureReason: before.failureReason },
    });
    return null;
  });
}
