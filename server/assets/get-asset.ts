import type { TAssetDetail } from '@/lib/schemas/asset';
import type { Ctx } from '../context';
import { db } from '../db';
import { notFound } from '../errors';
import { authorizeProject } from '../permissions';
import { ASSET_DETAIL_SELECT, presentAssetDetail } from './present-asset-detail';

export async function getAsset(ctx: Ctx, input: { projectId: string; assetId: string }): Promise<TAssetDetail> {
  const access = await authorizeProject(db(), ctx, input.projectId, 'assets:read');
  const row = await db().asset.findFirst({
    where: { id: input.assetId, projectId: access.projectId },
    select: ASSET_DETAIL_SELECT,
  });
  if (!row) throw notFound('Asset');
  return presentAssetDetail(row);
}
