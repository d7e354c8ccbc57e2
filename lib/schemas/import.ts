import { z } from 'zod';
import { IMPORT_SOURCES, ZCaptureMetadataSchema } from './asset';

export const ZImportItemStatusSchema = z.enum(['PENDING', 'ACCEPTED', 'DUPLICATE', 'REJECTED']);

export const ZImportBatchCreateSchema = z.object({
  source: z.enum(['UPLOAD', 'URL', 'MANIFEST']),
  label: z.string().trim().max(200).default(''),
});

export const ZImportBatchSchema = z.object({
  id: z.string(),
  source: z.enum(IMPORT_SOURCES),
  label: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  /** Files the batch was given, by what became of them; and its assets by stage. */
  items: z.object({
    pending: z.number().int(),
    accepted: z.number().int(),
    duplicate: z.number().int(),
    rejected: z.number().int(),
  }),
  stages: z.object({ RAW: z.number().int(), STAGED: z.number().int(), READY: z.number().int(), QUARANTINED: z.number().int() }),
});
export type TImportBatch = z.infer<typeof ZImportBatchSchema>;

export const ZImportItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  sourceUri: z.string().nullable(),
  assetId: z.string().nullable(),
  status: ZImportItemStatusSchema,
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type TImportItem = z.infer<typeof ZImportItemSchema>;

export const ZImportRefSchema = z.object({
  projectId: z.string().min(1).max(100),
  batchId: z.string().min(1).max(100),
});

/** URLs to fetch into a batch (http/https only; each is fetched by a worker, SSRF-checked). */
export const ZUrlImportSchema = z.object({
  urls: z
    .array(
      z
        .object({ url: z.url({ protocol: /^https?$/ }).max(2000), name: z.string().max(255).optional() })
        .extend(ZCaptureMetadataSchema.shape),
    )
    .min(1)
    .max(1000),
});

/** Result of adding files/URLs/manifest rows to a batch. */
export const ZImportAcceptedSchema = z.object({
  items: z.array(ZImportItemSchema),
});

/** The raw-upload endpoint's answer: the asset (new or the existing duplicate). */
export const ZUploadResultSchema = z.object({
  assetId: z.string(),
  status: ZImportItemStatusSchema,
  duplicateOf: z.string().nullable(),
  item: ZImportItemSchema,
});
