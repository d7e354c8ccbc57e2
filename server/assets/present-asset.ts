import type { TAssetSummary } from '@/lib/schemas/asset';
import type { Prisma } from '../generated/prisma/client';
import { derivativeUrl } from './asset-urls';

/** The grid's thumbnail: the small webp the pipeline makes for images and video posters. */
export const THUMBNAIL_VARIANT = '256';

export const ASSET_SUMMARY_SELECT = {
  id: true,
  projectId: true,
  filename: true,
  kind: true,
  stage: true,
  mime: true,
  bytes: true,
  width: true,
  height: true,
  durationSec: true,
  failureReason: true,
  importBatchId: true,
  createdAt: true,
  derivatives: {
    where: { kind: 'THUMBNAIL', variant: THUMBNAIL_VARIANT },
    select: { kind: true, variant: true, blobSha256: true },
  },
} as const satisfies Prisma.AssetSelect;

export type AssetSummaryRow = Prisma.AssetGetPayload<{ select: typeof ASSET_SUMMARY_SELECT }>;

export function presentAssetSummary(row: AssetSummaryRow): TAssetSummary {
  const thumbnail = row.derivatives[0];
  return {
    id: row.id,
    filename: row.filename,
    kind: row.kind,
    stage: row.stage,
    mime: row.mime,
    bytes: Number(row.bytes),
    width: row.width,
    height: row.height,
    durationSec: row.durationSec,
    thumbnailUrl: thumbnail ? derivativeUrl(row.projectId, row.id, thumbnail) : null,
    failureReason: row.failureReason,
    importBatchId: row.importBatchId,
    createdAt: row.createdAt.toISOString(),
  };
}
