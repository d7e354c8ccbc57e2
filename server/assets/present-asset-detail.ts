import type { TAssetDetail } from '@/lib/schemas/asset';
import type { Prisma } from '../generated/prisma/client';
import { assetContentUrl, derivativeUrl } from './asset-urls';
import { ASSET_SUMMARY_SELECT, presentAssetSummary, THUMBNAIL_VARIANT } from './present-asset';

export const ASSET_DETAIL_SELECT = {
  ...ASSET_SUMMARY_SELECT,
  blobSha256: true,
  fps: true,
  frameCount: true,
  capturedAt: true,
  device: true,
  location: true,
  consent: true,
  license: true,
  metadata: true,
  source: true,
  sourceUri: true,
  probe: true,
  stagedAt: true,
  readyAt: true,
  duplicateOf: { select: { id: true, filename: true } },
  importBatch: { select: { id: true, source: true, label: true, createdAt: true } },
  derivatives: {
    orderBy: [{ kind: 'asc' }, { variant: 'asc' }],
    select: {
      kind: true,
      variant: true,
      blobSha256: true,
      mime: true,
      params: true,
      tool: true,
      toolVersion: true,
      createdAt: true,
      blob: { select: { bytes: true } },
    },
  },
  stageRuns: { orderBy: [{ startedAt: 'asc' }, { id: 'asc' }] },
} as const satisfies Prisma.AssetSelect;

type AssetDetailRow = Prisma.AssetGetPayload<{ select: typeof ASSET_DETAIL_SELECT }>;

export function presentAssetDetail(row: AssetDetailRow): TAssetDetail {
  const thumbnails = row.derivatives.filter((d) => d.kind === 'THUMBNAIL' && d.variant === THUMBNAIL_VARIANT);
  return {
    ...presentAssetSummary({ ...row, derivatives: thumbnails }),
    sha256: row.blobSha256,
    contentUrl: assetContentUrl(row.projectId, row.id),
    fps: row.fps,
    frameCount: row.frameCount,
    capturedAt: row.capturedAt?.toISOString() ?? null,
    device: row.device,
    location: row.location,
    consent: row.consent,
    license: row.license,
    metadata: isRecord(row.metadata) ? row.metadata : {},
    source: row.source,
    sourceUri: row.sourceUri,
    probe: row.probe,
    stagedAt: row.stagedAt?.toISOString() ?? null,
    readyAt: row.readyAt?.toISOString() ?? null,
    duplicateOf: row.duplicateOf,
    importBatch: row.importBatch && { ...row.importBatch, createdAt: row.importBatch.createdAt.toISOString() },
    derivatives: row.derivatives.map((d) => ({
      kind: d.kind,
      variant: d.variant,
      mime: d.mime,
      bytes: Number(d.blob.bytes),
      sha256: d.blobSha256,
      url: derivativeUrl(row.projectId, row.id, d),
      tool: d.tool,
      toolVersion: d.toolVersion,
      params: d.params,
      createdAt: d.createdAt.toISOString(),
    })),
    stageRuns: row.stageRuns.map((run) => ({
      stage: run.stage,
      jobId: run.jobId,
      attempt: run.attempt,
      outcome: run.outcome,
      error: run.error,
      tools: isRecord(run.tools)
        ? (Object.fromEntries(Object.entries(run.tools).map(([k, v]) => [k, String(v)])) as Record<string, string>)
        : {},
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt.toISOString(),
      durationMs: run.durationMs,
    })),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
