import { z } from 'zod';
import { ZAssetKindSchema, ZAssetSummarySchema } from './asset';
import { ZRoleSchema } from './project';
import { ZGeometrySchema, ZTaxonomyClassSchema } from './taxonomy';

// The labeling workflow: passes, tasks moving through them, assignments people claim, and the
// decisions taken on them. Shapes shared by the API, the task shell and the queue pages.

export const PASS_KINDS = ['LABEL', 'REVIEW', 'ADJUDICATE'] as const;
export const ZPassKindSchema = z.enum(PASS_KINDS);
export type TPassKind = z.infer<typeof ZPassKindSchema>;

export const TASK_STATUSES = ['OPEN', 'IN_PROGRESS', 'IN_REVIEW', 'ESCALATED', 'DONE'] as const;
export const ZTaskStatusSchema = z.enum(TASK_STATUSES);
export type TTaskStatus = z.infer<typeof ZTaskStatusSchema>;

export const ASSIGNMENT_STATUSES = ['ACTIVE', 'SUBMITTED', 'RELEASED', 'EXPIRED'] as const;
export const ZAssignmentStatusSchema = z.enum(ASSIGNMENT_STATUSES);

/** A row id as the API takes it (cuid or uuid; bounded so a query string cannot carry a megabyte). */
export const ZIdSchema = z.string().min(1).max(100);

/** What a LABEL pass fills; empty lists mean "everything in the taxonomy". */
export const ZPassScopeSchema = z.object({
  classIds: z.array(z.string().max(64)).max(1000).default([]),
  geometries: z.array(ZGeometrySchema).max(10).default([]),
  attributeIds: z.array(z.string().max(64)).max(1000).default([]),
});
export type TPassScope = z.infer<typeof ZPassScopeSchema>;

export const ZPassInputSchema = z.object({
  /** An existing pass keeps its id (its tasks and history stay with it); omit for a new pass. */
  id: ZIdSchema.optional(),
  kind: ZPassKindSchema,
  name: z.string().trim().min(1, 'a pass needs a name').max(80),
  /** LABEL: how many annotators label each item independently. */
  overlap: z.number().int().min(1).max(20).default(1),
  /** REVIEW: share of items reviewed (1 = all). */
  sampleRate: z.number().gt(0, 'sample at least some items').max(1).default(1),
  /** LABEL with overlap > 1: below this agreement the item escalates to adjudication. */
  agreementThreshold: z.number().min(0).max(1).default(0.8),
  /** Target time in this pass's queue; null = none. */
  slaHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .nullable()
    .default(null),
  roles: z.array(ZRoleSchema).min(1, 'allow at least one role').max(4),
  scope: ZPassScopeSchema.default({ classIds: [], geometries: [], attributeIds: [] }),
});
export type TPassInput = z.input<typeof ZPassInputSchema>;

export const ZWorkflowSaveSchema = z
  .object({
    passes: z.array(ZPassInputSchema).min(1).max(20),
    /** Assets that become READY get a task in the first pass by themselves; unchanged when omitted. */
    autoCreateTasks: z.boolean().optional(),
  })
  .superRefine((workflow, ctx) => {
    const kinds = workflow.passes.map((p) => p.kind);
    if (kinds[0] !== 'LABEL')
      ctx.addIssue({ code: 'custom', path: ['passes', 0], message: 'the first pass must be a LABEL pass' });
    if (kinds.filter((k) => k === 'ADJUDICATE').length > 1) {
      ctx.addIssue({ code: 'custom', path: ['passes'], message: 'a workflow has at most one ADJUDICATE pass' });
    }
    workflow.passes.forEach((pass, i) => {
      if (pass.kind === 'REVIEW' && kinds[i - 1] !== 'LABEL') {
        ctx.addIssue({ code: 'custom', path: ['passes', i], message: `"${pass.name}" must follow a LABEL pass` });
      }
    });
    const ids = workflow.passes.map((p) => p.id).filter(Boolean);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['passes'], message: 'a pass is listed twice' });
  });
export type TWorkflowSave = z.input<typeof ZWorkflowSaveSchema>;

export const ZPassSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  kind: ZPassKindSchema,
  name: z.string(),
  overlap: z.number().int(),
  sampleRate: z.number(),
  agreementThreshold: z.number(),
  slaHours: z.number().int().nullable(),
  roles: z.array(ZRoleSchema),
  scope: ZPassScopeSchema,
  /** Tasks waiting in or being worked in this pass. */
  taskCount: z.number().int(),
});
export type TPass = z.infer<typeof ZPassSchema>;

export const ZWorkflowSchema = z.object({
  passes: z.array(ZPassSchema),
  /** The passes the caller may work in (by role), for the "Start labeling" buttons. */
  workablePassIds: z.array(z.string()),
  autoCreateTasks: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type TWorkflow = z.infer<typeof ZWorkflowSchema>;

export const ZTaskCreateSchema = z.object({
  /** Which READY assets get a task (assets that already have one are skipped). */
  selection: z.discriminatedUnion('by', [
    z.object({ by: z.literal('all'), kind: ZAssetKindSchema.optional() }),
    z.object({ by: z.literal('assets'), assetIds: z.array(ZIdSchema).min(1).max(10_000) }),
    z.object({ by: z.literal('batch'), batchId: ZIdSchema }),
  ]),
  priority: z.number().int().min(-100).max(100).default(0),
});
export type TTaskCreate = z.input<typeof ZTaskCreateSchema>;

export const ZTaskCreateResultSchema = z.object({ created: z.number().int(), skipped: z.number().int() });

/**
 * A region of an annotation. Coordinates are normalized (0–1) or in seconds/frames; each editor adds
 * its own geometry fields, so unknown keys are kept. Stable `id`s let reviews comment on a region
 * and diffs match regions across versions.
 */
export const ZPeakLevelSchema = z.object({
  /** Audio samples (at `sampleRate`) per min/max pair. */
  samplesPerPixel: z.number().int(),
  sampleRate: z.number().int(),
  /** Min/max pairs per channel. */
  length: z.number().int(),
  url: z.string(),
});
export type TPeakLevel = z.infer<typeof ZPeakLevelSchema>;

export const ZRegionSchema = z.looseObject({
  id: z.string().min(1).max(64),
  type: ZGeometrySchema,
  classId: z.string().min(1).max(64),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
});
export type TRegion = z.infer<typeof ZRegionSchema>;
export const ZRegionsSchema = z.array(ZRegionSchema).max(20_000);

export const ZAssignmentRefSchema = z.object({ projectId: ZIdSchema, assignmentId: ZIdSchema });
export const ZTaskRefSchema = z.object({ projectId: ZIdSchema, taskId: ZIdSchema });
export const ZPassRefSchema = z.object({ projectId: ZIdSchema, passId: ZIdSchema });

export const ZAnnotationSaveSchema = z.object({ version: z.number().int().min(1), regions: ZRegionsSchema });
export const ZAnnotationSavedSchema = z.object({
  version: z.number().int(),
  updatedAt: z.string(),
  /** The save was based on labels a taxonomy migration has since moved: these are the regions stored, on this version. */
  migrated: z.object({ regions: ZRegionsSchema, taxonomyVersion: z.number().int() }).optional(),
});
export type TAnnotationSaved = z.infer<typeof ZAnnotationSavedSchema>;
export const ZSubmitSchema = z.object({ version: z.number().int().min(1) });
export const ZReasonSchema = z.object({ reason: z.string().trim().min(1, 'say why').max(2000) });

export const ZRegionCommentInputSchema = z.object({
  annotationId: ZIdSchema,
  regionId: z.string().min(1).max(64).nullable(),
  body: z.string().trim().min(1).max(4000),
});

export const ZReviewDecisionSchema = z
  .object({
    taskVersion: z.number().int().min(1),
    decision: z.enum(['ACCEPT', 'REJECT', 'ESCALATE']),
    comment: z.string().trim().max(4000).default(''),
    regionComments: z.array(ZRegionCommentInputSchema).max(500).default([]),
  })
  .refine((d) => d.decision === 'ACCEPT' || d.comment.length > 0, {
    path: ['comment'],
    message: 'a rejection or an escalation needs a reason',
  });
export type TReviewDecision = z.input<typeof ZReviewDecisionSchema>;

export const ZAdjudicationSchema = z
  .object({
    taskVersion: z.number().int().min(1),
    /** Take one annotation as it is… */
    chosenAnnotationId: ZIdSchema.optional(),
    /** …or the regions merged region by region from several. */
    regions: ZRegionsSchema.optional(),
    reason: z.string().trim().min(1, 'say why').max(4000),
  })
  .refine((a) => (a.chosenAnnotationId === undefined) !== (a.regions === undefined), {
    message: 'choose one annotation or send merged regions (not both)',
  });
export type TAdjudication = z.input<typeof ZAdjudicationSchema>;

/** Who did something, as people in the project see them. */
export const ZPersonSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type TPerson = z.infer<typeof ZPersonSchema>;

export const ZCommentSchema = z.object({
  id: z.string(),
  author: ZPersonSchema,
  body: z.string(),
  annotationId: z.string().nullable(),
  regionId: z.string().nullable(),
  mentions: z.array(ZPersonSchema),
  createdAt: z.string(),
});
export type TComment = z.infer<typeof ZCommentSchema>;

/** An annotation under review or adjudication, or the rejected revision a rework is diffed against. */
export const ZAnnotationViewSchema = z.object({
  id: z.string(),
  author: ZPersonSchema,
  passName: z.string(),
  version: z.number().int(),
  status: z.enum(['DRAFT', 'SUBMITTED', 'ACCEPTED', 'REJECTED']),
  regions: ZRegionsSchema,
  submittedAt: z.string().nullable(),
});
export type TAnnotationView = z.infer<typeof ZAnnotationViewSchema>;

export const ZReviewViewSchema = z.object({
  id: z.string(),
  annotationId: z.string(),
  reviewer: ZPersonSchema,
  decision: z.enum(['ACCEPT', 'REJECT', 'ESCALATE']),
  comment: z.string(),
  createdAt: z.string(),
});
export type TReviewView = z.infer<typeof ZReviewViewSchema>;

/** Everything the task shell needs to show one assignment. */
export const ZAssignmentViewSchema = z.object({
  assignment: z.object({
    id: z.string(),
    status: ZAssignmentStatusSchema,
    /** Rework or re-review: it waits for this person and its lease does not lapse. */
    directed: z.boolean(),
    round: z.number().int(),
    leaseExpiresAt: z.string().nullable(),
    userId: z.string(),
  }),
  pass: z.object({
    id: z.string(),
    kind: ZPassKindSchema,
    name: z.string(),
    scope: ZPassScopeSchema,
    slaHours: z.number().nullable(),
  }),
  task: z.object({ id: z.string(), version: z.number().int(), status: ZTaskStatusSchema, priority: z.number().int() }),
  asset: ZAssetSummarySchema.extend({
    contentUrl: z.string(),
    fps: z.number().nullable(),
    frameCount: z.number().nullable(),
    /** What the player loads: the streamable proxy when the pipeline made one, else the original. */
    playUrl: z.string(),
    /** Audio: the waveform's zoom levels, finest first (see server/media/audio/make-audio-derivatives.ts). */
    peaks: z.array(ZPeakLevelSchema),
    /** Video: the proxy's frame map (presentation time of every frame), null until the pipeline made it. */
    frameMapUrl: z.string().nullable(),
  }),
  /** The classes this pass may use (the pinned taxonomy version, filtered by the pass scope). */
  taxonomy: z.object({ versionId: z.string(), version: z.number().int(), classes: z.array(ZTaxonomyClassSchema) }),
  /** LABEL: the caller's own annotation. */
  annotation: z
    .object({
      id: z.string(),
      version: z.number().int(),
      status: ZAnnotationViewSchema.shape.status,
      regions: ZRegionsSchema,
      updatedAt: z.string(),
    })
    .nullable(),
  /**
   * LABEL rework: what was rejected (to diff against); a later LABEL pass: the earlier passes' result;
   * REVIEW of a resubmitted item: the revision submitted before (id `<annotation>@v<version>`).
   */
  previous: ZAnnotationViewSchema.nullable(),
  /** REVIEW / ADJUDICATE: the annotations to judge, side by side. */
  subjects: z.array(ZAnnotationViewSchema),
  reviews: z.array(ZReviewViewSchema),
  comments: z.array(ZCommentSchema),
  escalation: z
    .object({ reason: z.string(), raisedBy: ZPersonSchema.nullable(), agreement: z.number().nullable(), dueAt: z.string() })
    .nullable(),
  /** Open items in this pass's queue, counted up to 1,000 (show "1,000+" at the cap). */
  queueRemaining: z.number().int(),
});
export type TAssignmentView = z.infer<typeof ZAssignmentViewSchema>;

export const ZClaimQuerySchema = z.object({
  /** Assignment ids the caller already has open in the UI (the current item), so a prefetch gets the next one. */
  exclude: z
    .string()
    .max(1000)
    .optional()
    .transform((v) => (v ? v.split(',').filter(Boolean).slice(0, 10) : [])),
});

export const ZClaimResultSchema = z.object({ assignment: ZAssignmentViewSchema.nullable() });
export type TClaimResult = z.infer<typeof ZClaimResultSchema>;

export const ZTaskMoveSchema = z.object({
  taskId: z.string(),
  taskStatus: ZTaskStatusSchema,
  /** Where the task went: the next pass's name, "done", or "adjudication". */
  movedTo: z.string().nullable(),
});
export type TTaskMove = z.infer<typeof ZTaskMoveSchema>;

export const ZPercentilesSchema = z.object({
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  p99: z.number().nullable(),
});

export const ZQueueStatsSchema = z.object({
  passes: z.array(
    z.object({
      passId: z.string(),
      name: z.string(),
      kind: ZPassKindSchema,
      slaHours: z.number().nullable(),
      /** Tasks waiting to be claimed / being worked now. */
      waiting: z.number().int(),
      inProgress: z.number().int(),
      oldestWaitingSec: z.number().nullable(),
      overdue: z.number().int(),
      /** Seconds from entering the pass to being claimed, over the last 30 days. */
      timeInQueueSec: ZPercentilesSchema,
      /** Submissions per day, last 14 days (oldest first). */
      throughput: z.array(z.object({ day: z.string(), count: z.number().int() })),
    }),
  ),
  people: z.array(
    z.object({
      user: ZPersonSchema,
      submitted: z.number().int(),
      reviewed: z.number().int(),
      accepted: z.number().int(),
      rejected: z.number().int(),
      /** accepted / (accepted + rejected) of this person's submissions; null before any review. */
      acceptRate: z.number().nullable(),
    }),
  ),
  tasks: z.object({ total: z.number().int(), done: z.number().int(), escalated: z.number().int() }),
});
export type TQueueStats = z.infer<typeof ZQueueStatsSchema>;

export const ZActivitySchema = z.object({
  task: z.object({
    id: z.string(),
    status: ZTaskStatusSchema,
    passName: z.string().nullable(),
    asset: z.object({ id: z.string(), filename: z.string() }),
  }),
  events: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      actor: ZPersonSchema.nullable(),
      before: z.unknown(),
      after: z.unknown(),
      createdAt: z.string(),
    }),
  ),
  comments: z.array(ZCommentSchema),
});
export type TActivity = z.infer<typeof ZActivitySchema>;

export const ZCommentCreateSchema = z.object({
  body: z.string().trim().min(1, 'write something').max(4000),
  annotationId: ZIdSchema.nullable().default(null),
  regionId: z.string().min(1).max(64).nullable().default(null),
});

export const ZTaskListQuerySchema = z.object({
  status: ZTaskStatusSchema.optional(),
  passId: ZIdSchema.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZTaskSummarySchema = z.object({
  id: z.string(),
  status: ZTaskStatusSchema,
  priority: z.number().int(),
  passName: z.string().nullable(),
  enteredPassAt: z.string(),
  asset: z.object({ id: z.string(), filename: z.string(), kind: ZAssetKindSchema, thumbnailUrl: z.string().nullable() }),
  assignees: z.array(z.object({ user: ZPersonSchema, pass: z.string(), status: ZAssignmentStatusSchema })),
});
export const ZTaskListSchema = z.object({ items: z.array(ZTaskSummarySchema), nextCursor: z.string().nullable() });
export type TTaskList = z.infer<typeof ZTaskListSchema>;
