import { z } from 'zod';

// Dataset snapshots: what a data lead asks for (filter, split), what they get back (the summary of
// an immutable version), and its exports.

export const EXPORT_FORMATS = ['jsonl', 'coco', 'yolo', 'voc', 'csv', 'webvtt', 'rttm', 'mot'] as const;
export const ZExportFormatSchema = z.enum(EXPORT_FORMATS);
export type TExportFormat = z.infer<typeof ZExportFormatSchema>;

const ZId = z.string().min(1).max(100);
const ZDay = z.iso.date();

export const ZSnapshotFilterSchema = z
  .object({
    /** `accepted`: items a reviewer accepted (or an expert decided); `done`: every finished item. */
    status: z.enum(['accepted', 'done']).default('accepted'),
    /** Only items with at least one region of one of these classes. */
    classIds: z.array(z.string().min(1).max(64)).max(1000).default([]),
    kinds: z
      .array(z.enum(['IMAGE', 'AUDIO', 'VIDEO']))
      .max(3)
      .default([]),
    importBatchIds: z.array(ZId).max(1000).default([]),
    /** Finished on or after / before (exclusive) these days, UTC. */
    doneFrom: ZDay.optional(),
    doneBefore: ZDay.optional(),
  })
  .refine((f) => !f.doneFrom || !f.doneBefore || f.doneFrom < f.doneBefore, {
    message: 'the end must be after the start',
    path: ['doneBefore'],
  });
export type TSnapshotFilter = z.infer<typeof ZSnapshotFilterSchema>;

export const ZSplitConfigSchema = z
  .object({
    train: z.number().min(0).max(1).default(0.8),
    val: z.number().min(0).max(1).default(0.1),
    test: z.number().min(0).max(1).default(0.1),
    /** Same seed, same items → same split. */
    seed: z.string().trim().min(1).max(64).default('loupe'),
    /** Each item's most frequent class gets the ratios on its own, so rare classes reach every split. */
    stratified: z.boolean().default(false),
  })
  .refine((s) => Math.abs(s.train + s.val + s.test - 1) < 1e-6, {
    message: 'train, val and test must add up to 1',
    path: ['train'],
  });
export type TSplitConfig = z.infer<typeof ZSplitConfigSchema>;

export const ZCreateSnapshotSchema = z.object({
  name: z.string().trim().min(1, 'give the snapshot a name').max(120),
  filter: ZSnapshotFilterSchema.default(ZSnapshotFilterSchema.parse({})),
  split: ZSplitConfigSchema.default(ZSplitConfigSchema.parse({})),
});
export type TCreateSnapshot = z.input<typeof ZCreateSnapshotSchema>;

const ZCounts = z.record(z.string(), z.number().int());

export const ZSnapshotManifestSchema = z.object({
  items: z.number().int(),
  perSplit: ZCounts,
  /** Regions per class id and split: `{ car: { train: 120, val: 14 } }`. */
  perClass: z.record(z.string(), ZCounts),
  kinds: ZCounts,
  taxonomy: z.object({ id: z.string(), version: z.number().int() }),
  /** The agreement report's α per region family when the snapshot was made, if there was one. */
  agreement: z.record(z.string(), z.number().nullable()).nullable(),
  appCommit: z.string(),
});
export type TSnapshotManifest = z.infer<typeof ZSnapshotManifestSchema>;

export const ZExportViewSchema = z.object({
  id: z.string(),
  format: ZExportFormatSchema,
  includeMedia: z.boolean(),
  /** EXPIRED: the file was removed to save space; `sha256` and `bytes` are what a rebuild gives again. */
  status: z.enum(['QUEUED', 'BUILDING', 'READY', 'FAILED', 'EXPIRED']),
  done: z.number().int(),
  total: z.number().int(),
  bytes: z.number().nullable(),
  sha256: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  readyAt: z.string().nullable(),
  expiredAt: z.string().nullable(),
});
export type TExportView = z.infer<typeof ZExportViewSchema>;

export const ZSnapshotViewSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  status: z.enum(['BUILDING', 'READY', 'FAILED']),
  itemCount: z.number().int(),
  checksum: z.string().nullable(),
  filter: ZSnapshotFilterSchema,
  split: ZSplitConfigSchema,
  manifest: ZSnapshotManifestSchema.nullable(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  /** The pinned taxonomy version's classes, to name the counts. */
  classes: z.array(z.object({ id: z.string(), name: z.string(), color: z.string() })),
  exports: z.array(ZExportViewSchema),
});
export type TSnapshotView = z.infer<typeof ZSnapshotViewSchema>;

export const ZSnapshotListSchema = z.object({ snapshots: z.array(ZSnapshotViewSchema.omit({ exports: true, classes: true })) });

export const ZSnapshotRefSchema = z.object({ projectId: ZId, version: z.coerce.number().int().min(1) });
export const ZExportRefSchema = ZSnapshotRefSchema.extend({ exportId: ZId });

/** Expire every ready export of the project built more than this many days ago. */
export const ZExpireOldExportsSchema = z.object({ olderThanDays: z.number().int().min(0).max(36_500) });

export const ZRequestExportSchema = z.object({ format: ZExportFormatSchema, includeMedia: z.boolean().default(false) });

export const ZSnapshotDiffQuerySchema = z.object({ against: z.coerce.number().int().min(1) });

export const ZSnapshotDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  /** Items in both whose regions differ. */
  relabeled: z.number().int(),
  movedSplit: z.number().int(),
  unchanged: z.number().int(),
  perClass: z.array(z.object({ classId: z.string(), from: z.number().int(), to: z.number().int() })),
  /** Up to 20 asset ids of each kind of change, to open. */
  samples: z.object({ added: z.array(z.string()), removed: z.array(z.string()), relabeled: z.array(z.string()) }),
});
export type TSnapshotDiff = z.infer<typeof ZSnapshotDiffSchema>;
