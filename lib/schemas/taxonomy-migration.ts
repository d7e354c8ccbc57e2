import { z } from 'zod';
import { ZTaxonomyOperationSchema } from '../taxonomy-migration/operations';

const count = z.number().int().min(0);

/** What one operation of a draft would touch: counted on the labels of the published version, in SQL. */
export const ZOperationImpactSchema = z.object({
  operation: z.number().int(),
  annotations: count,
  tasks: count,
  /** The touched tasks by where they are now: pass (null: not in a pass) and status. */
  byPass: z.array(z.object({ passId: z.string().nullable(), passName: z.string().nullable(), status: z.string(), tasks: count })),
  /** Snapshots holding labels of these classes: they keep the version they pinned and are not changed. */
  snapshots: count,
  /** A few of the touched annotations, to open. */
  samples: z.array(z.object({ annotationId: z.string(), taskId: z.string() })),
});
export type TOperationImpact = z.infer<typeof ZOperationImpactSchema>;

export const ZMigrationImpactSchema = z.object({
  fromVersion: z.number().int().nullable(),
  toVersion: z.number().int(),
  operations: z.array(ZTaxonomyOperationSchema),
  /** Annotations on the published version: every one moves to the new version, touched or not. */
  annotations: count,
  impact: z.array(ZOperationImpactSchema),
  /** What stops the draft from being published (`operation` −1: the draft as a whole). */
  problems: z.array(z.object({ operation: z.number().int(), message: z.string() })),
  tookMs: z.number(),
});
export type TMigrationImpact = z.infer<typeof ZMigrationImpactSchema>;

export const MIGRATION_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;

/** A migration's progress, for the progress bar. */
export const ZTaxonomyMigrationSchema = z.object({
  id: z.string(),
  fromVersion: z.number().int(),
  toVersion: z.number().int(),
  status: z.enum(MIGRATION_STATUSES),
  total: count,
  done: count,
  decisions: count,
  failureReason: z.string().nullable(),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
});
export type TTaxonomyMigration = z.infer<typeof ZTaxonomyMigrationSchema>;

/** A region a migration could not settle: a split's class, or an attribute added without a default. */
export const ZPendingDecisionSchema = z.object({
  operation: z.number().int(),
  regionId: z.string(),
  field: z.string(),
  reason: z.enum(['split', 'no_default']),
  choices: z.array(z.string()),
});

/** An annotation waiting in the re-review queue after a migration. */
export const ZMigrationDecisionSchema = z.object({
  id: z.string(),
  annotationId: z.string(),
  taskId: z.string(),
  assetName: z.string(),
  toVersion: z.number().int(),
  pending: z.array(ZPendingDecisionSchema),
});
export type TMigrationDecision = z.infer<typeof ZMigrationDecisionSchema>;

export const ZMigrationDecisionsSchema = z.object({ total: count, items: z.array(ZMigrationDecisionSchema) });
export type TMigrationDecisions = z.infer<typeof ZMigrationDecisionsSchema>;

const ZAttributeValueSchema = z.union([z.string(), z.number(), z.boolean()]);

/** A person's answer: per region, the class chosen (for a split) and values for attributes left unset. */
export const ZResolveDecisionSchema = z.object({
  regions: z
    .array(
      z.object({
        regionId: z.string().min(1).max(64),
        classId: z.string().min(1).max(64).optional(),
        attributes: z.record(z.string().min(1).max(64), ZAttributeValueSchema).optional(),
      }),
    )
    .min(1)
    .max(20_000),
});
export type TResolveDecision = z.infer<typeof ZResolveDecisionSchema>;

export const ZDecisionRefSchema = z.object({ projectId: z.string().min(1).max(100), decisionId: z.string().min(1).max(100) });
