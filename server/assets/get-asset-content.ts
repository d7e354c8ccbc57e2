import type { Ctx } from '../context';
import { db } from '../db';
import { notFound } from '../errors';
import type { ServedBlob } from '../http/serve-blob';
import { authorizeProject } from '../permissions';
import { sniffMime } from './sniff-mime';

/** What to stream for an asset's original bytes; its type is sniffed, never taken from the upload. */
export async function getAssetContent(ctx: Ctx, input: { projectId: string; assetId: string }): Promise<ServedBlob> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'assets:read');
  const asset = await db().asset.findFirst({
    where: { id: input.assetId, projectId: access.projectId },
    select: { filename: true, blob: { select: { sha256: true, bytes: true } } },
  });
  if (!asset) throw notFound('Asset');
  const bytes = Number(asset.blob.bytes);
  return { sha256: asset.blob.sha256, bytes, mime: await sniffMime(asset.blob.sha256, bytes), filename: asset.filename };
}
