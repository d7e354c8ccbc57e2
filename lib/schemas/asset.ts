import { z } from 'zod';

// Assets as the API shows them. Sizes are numbers (bytes fit in 2^53); times are ISO strings.

export const ASSET_KINDS = ['IMAGE', 'AUDIO', 'VIDEO'] as const;
export const ASSET_STAGES = ['RAW', 'STAGED', 'READY', 'QUARANTINED'] as const;
export const DERIVATIVE_KINDS = ['THUMBNAIL', 'POSTER', 'PEAKS', 'PROXY', 'FRAME_MAP', 'THUMBNAIL_STRIP'] as const;
export const IMPORT_SOURCES = ['UPLOAD', 'MANIFEST', 'URL', 'CLI', 'SEED'] as const;

export const ZAssetKindSchema = z.enum(ASSET_KINDS);
export type TAssetKind = z.infer<typeof ZAssetKindSchema>;
export const ZAssetStageSchema = z.enum(ASSET_STAGES);
export const ZDerivativeKindSchema = z.enum(DERIVATIVE_KINDS);

/** Capture metadata a manifest row, an upload's metadata or the CLI may carry with a file. */
export const ZCaptureMetadataSchema = z.object({
  capturedAt: z.iso.datetime({ offset: true }).optional(),
  device: z.string().max(200).optional(),
  location: z.string().max(200).optional(),
  consent: z.string().max(200).optional(),
  license: z.string().max(200).optional(),
  metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
});
export type TCaptureMetadata = z.infer<typeof ZCaptureMetadataSchema>;

export const ZAssetRefSchema = z.object({
  projectId: z.string().min(1).max(100),
  assetId: z.string().min(1).max(100),
});

export const ZAssetListQuerySchema = z.object({
  kind: ZAssetKindSchema.optional(),
  stage: ZAssetStageSchema.optional(),
  batchId: z.string().min(1).max(100).optional(),
  /** Filename contains (case-insensitive). */
  q: z.string().max(200).optional(),
  /** `key=value` on the free metadata (exact match). */
  meta: z
    .string()
    .regex(/^[^=]{1,100}=.{0,200}$/, 'use key=value')
    .optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TAssetListQuery = z.output<typeof ZAssetListQuerySchema>;

export const ZAssetSummarySchema = z.object({
  id: z.string(),
  filename: z.string(),
  kind: ZAssetKindSchema,
  stage: ZAssetStageSchema,
  mime: z.string(),
  bytes: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  durationSec: z.number().nullable(),
  /** Small thumbnail (images, video poster); null until preprocessing made one. */
  thumbnailUrl: z.string().nullable(),
  failureReason: z.string().nullable(),
  importBatchId: z.string().nullable(),
  createdAt: z.string(),
});
export type TAssetSummary = z.infer<typeof ZAssetSummarySchema>;

export const ZAssetListSchema = z.object({
  items: z.array(ZAssetSummarySchema),
  nextCursor: z.string().nullable(),
  /** Matching assets in all (every page). */
  total: z.number().int(),
  /** Per stage over the whole project, for the filter chips. */
  stageCounts: z.record(ZAssetStageSchema, z.number().int()),
});
export type TAssetList = z.infer<typeof ZAssetListSchema>;

export const ZDerivativeSchema = z.object({
  kind: ZDerivativeKindSchema,
  variant: z.string(),
  mime: z.string(),
  bytes: z.number(),
  sha256: z.string(),
  url: z.string(),
  tool: z.string(),
  toolVersion: z.string(),
  params: z.unknown(),
  createdAt: z.string(),
});

export const ZStageRunSchema = z.object({
  stage: z.string(),
  jobId: z.string(),
  attempt: z.number().int(),
  outcome: z.enum(['OK', 'QUARANTINED', 'ERROR']),
  error: z.string().nullable(),
  tools: z.record(z.string(), z.string()),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number().int(),
});

export const ZAssetDetailSchema = ZAssetSummarySchema.extend({
  sha256: z.string(),
  contentUrl: z.string(),
  fps: z.number().nullable(),
  frameCount: z.number().nullable(),
  capturedAt: z.string().nullable(),
  device: z.string().nullable(),
  location: z.string().nullable(),
  consent: z.string().nullable(),
  license: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  source: z.enum(IMPORT_SOURCES),
  sourceUri: z.string().nullable(),
  probe: z.unknown(),
  stagedAt: z.string().nullable(),
  readyAt: z.string().nullable(),
  duplicateOf: z.object({ id: z.string(), filename: z.string() }).nullable(),
  importBatch: z.object({ id: z.string(), source: z.enum(IMPORT_SOURCES), label: z.string(), createdAt: z.string() }).nullable(),
  derivatives: z.array(ZDerivativeSchema),
  stageRuns: z.array(ZStageRunSchema),
});
export type TAssetDetail = z.infer<typeof ZAssetDetailSchema>;

/** A window of a recording's samples for the editor's sample view (lib/annotate/audio/sample-window.ts). */
export const ZSampleWindowSchema = z.object({
  sampleRate: z.number().positive(),
  start: z.number().min(0),
  kind: z.enum(['samples', 'minmax']),
  samplesPerPoint: z.number().positive(),
  data: z.array(z.number()),
});
