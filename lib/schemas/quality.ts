import { z } from 'zod';
import { ZIdSchema, ZPersonSchema } from './workflow';

// The quality report: agreement between annotators who labeled the same item in a LABEL pass with
// overlap > 1, computed by a worker from their first submissions and cached (see server/quality/).

/** Comparable region types: boxes and polygons are compared with each other (both are image areas). */
export const QUALITY_FAMILIES = ['classification', 'regions', 'keypoints', 'audio_segments', 'video_tracks', 'events'] as const;
export const ZQualityFamilySchema = z.enum(QUALITY_FAMILIES);
export type TQualityFamily = z.infer<typeof ZQualityFamilySchema>;

const share = z.number().min(0).max(1);

export const ZCohortSchema = z.object({
  name: z.string().trim().min(1, 'name the cohort').max(60),
  memberIds: z.array(ZIdSchema).min(1, 'a cohort needs a member').max(500),
});
export type TCohort = z.infer<typeof ZCohortSchema>;

export const ZQualitySettingsSchema = z
  .object({
    /** Regions of two annotators are the same object at or above this IoU (OKS for keypoints). */
    iouThreshold: z.number().min(0.05).max(1).default(0.5),
    /** The baseline later weeks are compared with: N calendar weeks from the first week with data (a gap week counts). */
    baselineWeeks: z.number().int().min(1).max(52).default(4),
    /**
     * Jensen–Shannon distance (√ of the base-2 divergence, 0–1) of a week's label distribution from
     * the baseline's that alerts. 0.1 is the customary threshold for categorical drift.
     */
    labelShiftThreshold: z.number().min(0.01).max(1).default(0.1),
    /** A week's α this far below the baseline's (and its interval wholly below) alerts. */
    agreementDropThreshold: z.number().min(0.01).max(2).default(0.1),
    /** Weeks with fewer labels than this are not tested for a label shift (too noisy). */
    minWeeklyLabels: z.number().int().min(1).max(100_000).default(30),
    cohorts: z
      .array(ZCohortSchema)
      .max(20)
      .default([])
      .refine((c) => new Set(c.map((x) => x.name.toLowerCase())).size === c.length, 'cohort names must differ'),
  })
  .strict();
export type TQualitySettings = z.infer<typeof ZQualitySettingsSchema>;
export type TQualitySettingsInput = z.input<typeof ZQualitySettingsSchema>;

/**
 * An agreement coefficient with its 95 % bootstrap interval. `value` is null when the coefficient is
 * undefined on these data (no pairable units, or one category throughout) and `undefinedReason` says why.
 */
export const ZEstimateSchema = z.object({
  value: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  units: z.number().int().min(0),
  undefinedReason: z.string().nullable(),
});
export type TEstimate = z.infer<typeof ZEstimateSchema>;

/** Detection-style figures of a set of region pairs: F1 = 2·agreeing / (regions of a + regions of b). */
const detection = {
  f1: share.nullable(),
  precision: share.nullable(),
  recall: share.nullable(),
  /** Mean IoU (OKS for keypoints, per-frame IoU for tracks) of matched regions; null for classification. */
  meanScore: share.nullable(),
};

export const ZQualityOverallSchema = z.object({
  family: ZQualityFamilySchema,
  taxonomyVersion: z.number().int(),
  tasks: z.number().int(),
  units: z.number().int(),
  alpha: ZEstimateSchema,
  percentAgreement: share.nullable(),
  ...detection,
});

export const ZQualityLabelSchema = z.object({
  family: ZQualityFamilySchema,
  classId: z.string(),
  name: z.string(),
  color: z.string(),
  /** Regions (or classifications) of this class across every compared annotation. */
  regions: z.number().int(),
  /** One-vs-rest α: this class against every other answer, including "no region". */
  alpha: ZEstimateSchema,
  ...detection,
});

export const ZQualityPairSchema = z.object({
  family: ZQualityFamilySchema,
  a: z.string(),
  b: z.string(),
  tasks: z.number().int(),
  units: z.number().int(),
  alpha: ZEstimateSchema,
  ...detection,
});

export const ZQualityCohortResultSchema = z.object({
  name: z.string(),
  memberIds: z.array(z.string()),
  /** Pairs of annotators both in the cohort. */
  units: z.number().int(),
  alpha: ZEstimateSchema,
});

export const ZQualityConfusionSchema = z.object({
  family: ZQualityFamilySchema,
  /** Class ids, and null for "no region" (an unmatched region of the other annotator). */
  categories: z.array(z.object({ classId: z.string().nullable(), name: z.string() })),
  /** counts[i][j]: pairs where one annotator said category i and the other j (symmetric; diagonal = agreement). */
  counts: z.array(z.array(z.number().int())),
});

export const ZQualityAttributeSchema = z.object({
  family: ZQualityFamilySchema,
  classId: z.string(),
  attributeId: z.string(),
  name: z.string(),
  /** nominal for enum/boolean, interval for number; text is compared for exact (trimmed, case-folded) equality. */
  level: z.enum(['nominal', 'interval', 'text']),
  units: z.number().int(),
  alpha: ZEstimateSchema,
  exactMatch: share.nullable(),
});

export const ZQualityWeekSchema = z.object({
  family: ZQualityFamilySchema,
  /** Monday of the ISO week (UTC), YYYY-MM-DD. */
  week: z.string(),
  tasks: z.number().int(),
  units: z.number().int(),
  alpha: ZEstimateSchema,
  /** This family's labels in every first submission that week (all LABEL passes, overlap or not), by class id. */
  labelCounts: z.record(z.string(), z.number().int()),
  /** Jensen–Shannon distance (√ of the base-2 divergence) from the baseline's label distribution; null for baseline weeks. */
  labelShift: share.nullable(),
  baseline: z.boolean(),
});

export const ZQualityAlertSchema = z.object({
  family: ZQualityFamilySchema,
  kind: z.enum(['agreement_drop', 'label_shift']),
  week: z.string(),
  value: z.number(),
  threshold: z.number(),
  message: z.string(),
});
export type TQualityAlert = z.infer<typeof ZQualityAlertSchema>;

export const ZQualityReportBodySchema = z.object({
  computedAt: z.string(),
  durationMs: z.number().int(),
  /** Tasks whose comparison was recomputed for this report (the rest came from the cache). */
  recomputedTasks: z.number().int(),
  settings: ZQualitySettingsSchema,
  tasks: z.number().int(),
  annotations: z.number().int(),
  units: z.number().int(),
  /** Regions whose geometry was malformed for their type, left out of the comparison. */
  skippedRegions: z.number().int(),
  overall: z.array(ZQualityOverallSchema),
  labels: z.array(ZQualityLabelSchema),
  pairs: z.array(ZQualityPairSchema),
  cohorts: z.array(ZQualityCohortResultSchema),
  confusion: z.array(ZQualityConfusionSchema),
  attributes: z.array(ZQualityAttributeSchema),
  weekly: z.array(ZQualityWeekSchema),
  baselines: z.array(z.object({ family: ZQualityFamilySchema, weeks: z.array(z.string()), alpha: z.number().nullable() })),
  alerts: z.array(ZQualityAlertSchema),
  people: z.array(ZPersonSchema),
  /** Class ids → names and colors of the newest taxonomy version that has them. */
  classes: z.array(z.object({ id: z.string(), name: z.string(), color: z.string() })),
});
export type TQualityReportBody = z.infer<typeof ZQualityReportBodySchema>;

export const ZQualityReportSchema = z.object({
  report: ZQualityReportBodySchema.nullable(),
  /** The cached report is from the annotations and settings as they are now. */
  fresh: z.boolean(),
  /** A worker is (re)computing it; poll. */
  computing: z.boolean(),
  /** Submitted annotations in LABEL passes with overlap > 1: what the report is computed from. */
  comparableTasks: z.number().int(),
});
export type TQualityReport = z.infer<typeof ZQualityReportSchema>;

const csvList = (max: number) =>
  z
    .string()
    .max(2000)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(ZIdSchema).max(max));

/** Which compared items to list: every filter narrows the pair units an item's figures come from. */
export const ZQualityItemsQuerySchema = z.object({
  family: ZQualityFamilySchema.optional(),
  /** Two annotator ids, comma separated: only their pairs. */
  pair: csvList(2)
    .refine((p) => p.length === 2, 'a pair is two annotator ids, comma separated')
    .optional(),
  annotator: ZIdSchema.optional(),
  classId: z.string().max(64).optional(),
  week: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a week is its Monday, YYYY-MM-DD')
    .optional(),
  cohort: z.string().max(60).optional(),
  /** Only items with at least one disagreement (default) or all. */
  disagreeing: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type TQualityItemsQuery = z.input<typeof ZQualityItemsQuerySchema>;

export const ZQualityItemSchema = z.object({
  taskId: z.string(),
  assetId: z.string(),
  assetName: z.string(),
  assetKind: z.enum(['IMAGE', 'AUDIO', 'VIDEO']),
  passName: z.string(),
  week: z.string(),
  annotators: z.array(ZPersonSchema),
  units: z.number().int(),
  disagreements: z.number().int(),
  /** Share of the item's pair units where both annotators gave the same answer. */
  agreement: share,
  taskStatus: z.string(),
  inAdjudication: z.boolean(),
});
export type TQualityItem = z.infer<typeof ZQualityItemSchema>;
export const ZQualityItemsSchema = z.object({ items: z.array(ZQualityItemSchema), total: z.number().int() });

/** One compared region pair (or a region only one annotator drew), as stored per task. */
export const ZPairUnitSchema = z.object({
  family: ZQualityFamilySchema,
  a: z.string(),
  b: z.string(),
  /** Class of each side, null when that annotator has no matching region. */
  ca: z.string().nullable(),
  cb: z.string().nullable(),
  /** Region ids on each side (null for a side without one; the task for classification). */
  ra: z.string().nullable(),
  rb: z.string().nullable(),
  /** IoU / OKS / per-frame track IoU of a matched pair. */
  score: z.number().nullable(),
  /** Attribute values on both sides of a matched pair, by attribute id. */
  attrs: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).optional(),
});
export type TPairUnit = z.infer<typeof ZPairUnitSchema>;

export const ZQualityComparisonSchema = z.object({
  taskId: z.string(),
  passName: z.string(),
  asset: z.object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['IMAGE', 'AUDIO', 'VIDEO']),
    width: z.number().nullable(),
    height: z.number().nullable(),
    durationSec: z.number().nullable(),
  }),
  annotations: z.array(
    z.object({
      annotator: ZPersonSchema,
      submittedAt: z.string(),
      regions: z.array(z.looseObject({ id: z.string(), type: z.string(), classId: z.string() })),
    }),
  ),
  units: z.array(ZPairUnitSchema),
  classes: ZQualityReportBodySchema.shape.classes,
});
export type TQualityComparison = z.infer<typeof ZQualityComparisonSchema>;

export const ZSendToReviewSchema = z.object({
  taskIds: z.array(ZIdSchema).min(1, 'pick at least one item').max(500),
  reason: z.string().trim().min(1, 'say why').max(2000),
});
export const ZSendToReviewResultSchema = z.object({
  escalated: z.number().int(),
  /** Items left as they were, with why (already waiting for an expert, or not in this project's report). */
  skipped: z.array(z.object({ taskId: z.string(), reason: z.string() })),
});

export const ZQualityTaskRefSchema = z.object({ projectId: ZIdSchema, taskId: ZIdSchema });
