import { z } from 'zod';
import { ZTaxonomyOperationsSchema } from '../taxonomy-migration/operations';
import { ZStableIdSchema } from './stable-id';

// The taxonomy a project labels with. Class and attribute ids are stable across versions so labels
// can be migrated (rename keeps the id; merge/split/deprecate map ids) in a later version.

export const GEOMETRIES = [
  'bbox',
  'polygon',
  'polyline',
  'keypoints',
  'classification',
  'audio_segment',
  'video_track',
  'event',
] as const;
export const ZGeometrySchema = z.enum(GEOMETRIES);
export type TGeometry = z.infer<typeof ZGeometrySchema>;

export const ATTRIBUTE_TYPES = ['enum', 'boolean', 'number', 'text'] as const;

const ZNameSchema = z.string().trim().min(1, 'a name is required').max(100);

export const ZAttributeSchema = z
  .object({
    id: ZStableIdSchema,
    name: ZNameSchema,
    type: z.enum(ATTRIBUTE_TYPES),
    required: z.boolean().default(false),
    options: z.array(z.string().trim().min(1).max(100)).max(200).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .superRefine((attr, ctx) => {
    if (attr.type === 'enum' && (!attr.options || attr.options.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `enum attribute "${attr.name}" needs options` });
    }
    if (attr.options && new Set(attr.options).size !== attr.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: `attribute "${attr.name}" repeats an option` });
    }
    if (attr.min !== undefined && attr.max !== undefined && attr.min > attr.max) {
      ctx.addIssue({ code: 'custom', path: ['min'], message: `attribute "${attr.name}" has min > max` });
    }
  });
export type TAttribute = z.infer<typeof ZAttributeSchema>;

/**
 * The points a keypoints region of the class carries, in this order (a region's `points[i]` is
 * `keypoints[i]`), and the bones drawn between them as pairs of keypoint indexes.
 */
export const ZSkeletonSchema = z
  .object({
    keypoints: z
      .array(z.object({ id: ZStableIdSchema, name: ZNameSchema }))
      .min(1, 'a skeleton needs at least one keypoint')
      .max(100, 'a skeleton has at most 100 keypoints'),
    edges: z
      .array(z.tuple([z.number().int().min(0), z.number().int().min(0)]))
      .max(500, 'a skeleton has at most 500 edges')
      .default([]),
  })
  .superRefine((skeleton, ctx) => {
    const count = skeleton.keypoints.length;
    skeleton.edges.forEach(([a, b], i) => {
      if (a >= count || b >= count) {
        ctx.addIssue({ code: 'custom', path: ['edges', i], message: `edge ${i + 1} joins a keypoint that does not exist` });
      } else if (a === b) {
        ctx.addIssue({
          code: 'custom',
          path: ['edges', i],
          message: `edge ${i + 1} joins “${skeleton.keypoints[a]!.name}” to itself`,
        });
      }
    });
    const seen = new Set<string>();
    skeleton.keypoints.forEach((k, i) => {
      if (seen.has(k.id))
        ctx.addIssue({ code: 'custom', path: ['keypoints', i], message: `two keypoints share the id “${k.id}”` });
      seen.add(k.id);
    });
  });
export type TSkeleton = z.infer<typeof ZSkeletonSchema>;

export const ZTaxonomyClassSchema = z
  .object({
    id: ZStableIdSchema,
    name: ZNameSchema,
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colors are #rrggbb'),
    hotkey: z
      .string()
      .regex(/^[a-z0-9]$/, 'a hotkey is one lowercase letter or digit')
      .nullable()
      .default(null),
    geometries: z.array(ZGeometrySchema).min(1, 'allow at least one geometry').max(GEOMETRIES.length),
    attributes: z.array(ZAttributeSchema).max(50).default([]),
    description: z.string().max(2000).default(''),
    skeleton: ZSkeletonSchema.optional(),
    /** Audio segments of this class carry a transcript: one left empty holds back the submit. */
    transcribed: z.boolean().optional(),
    /** The class this one sits under in the class tree; absent or null at the top. */
    parentId: ZStableIdSchema.nullable().optional(),
    /** Hidden for new labeling; labels already made with it are kept and shown as deprecated. */
    deprecated: z.boolean().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.skeleton && !c.geometries.includes('keypoints')) {
      ctx.addIssue({ code: 'custom', path: ['skeleton'], message: `"${c.name}" has a skeleton but does not allow keypoints` });
    }
  });
export type TTaxonomyClass = z.infer<typeof ZTaxonomyClassSchema>;

export const ZTaxonomyDefinitionSchema = z
  .object({ classes: z.array(ZTaxonomyClassSchema).max(1000) })
  .superRefine((def, ctx) => {
    reportDuplicates(
      def.classes.map((c) => c.id),
      'class id',
      ctx,
    );
    reportDuplicates(
      def.classes.map((c) => c.name.toLowerCase()),
      'class name',
      ctx,
    );
    reportDuplicates(
      def.classes.flatMap((c) => (c.hotkey ? [c.hotkey] : [])),
      'hotkey',
      ctx,
    );
    reportHierarchyProblems(def.classes, ctx);
    def.classes.forEach((c, i) =>
      reportDuplicates(
        c.attributes.map((a) => a.id),
        `attribute id in "${c.name}"`,
        ctx,
        ['classes', i],
      ),
    );
  });
export type TTaxonomyDefinition = z.infer<typeof ZTaxonomyDefinitionSchema>;

function reportDuplicates(values: string[], what: string, ctx: z.RefinementCtx, path: (string | number)[] = ['classes']): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path, message: `duplicate ${what}: ${value}` });
    seen.add(value);
  }
}

/** Every parent must be a class of the taxonomy, and following parents must never come back to a class. */
function reportHierarchyProblems(
  classes: readonly { id: string; name: string; parentId?: string | null }[],
  ctx: z.RefinementCtx,
): void {
  const parentOf = new Map(classes.map((c) => [c.id, c.parentId ?? null]));
  classes.forEach((c, i) => {
    if (!c.parentId) return;
    if (!parentOf.has(c.parentId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['classes', i, 'parentId'],
        message: `"${c.name}" sits under a class that does not exist (${c.parentId})`,
      });
      return;
    }
    const seen = new Set([c.id]);
    for (let at = parentOf.get(c.id) ?? null; at; at = parentOf.get(at) ?? null) {
      if (at === c.id) {
        ctx.addIssue({ code: 'custom', path: ['classes', i, 'parentId'], message: `"${c.name}" would sit under itself` });
        return;
      }
      // A loop further up is reported on the classes in it.
      if (seen.has(at)) return;
      seen.add(at);
    }
  });
}

export const ZTaxonomyVersionSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  status: z.enum(['DRAFT', 'PUBLISHED']),
  definition: ZTaxonomyDefinitionSchema,
  /** How labels of the previous published version become labels of this one (`lib/taxonomy-migration`). */
  operations: ZTaxonomyOperationsSchema,
  checksum: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type TTaxonomyVersion = z.infer<typeof ZTaxonomyVersionSchema>;

export const ZTaxonomyVersionSummarySchema = ZTaxonomyVersionSchema.pick({
  id: true,
  version: true,
  status: true,
  publishedAt: true,
  publishedBy: true,
});

/** A project's taxonomy: its latest published version, its draft (if any) and the version history. */
export const ZTaxonomySchema = z.object({
  id: z.string().nullable(),
  published: ZTaxonomyVersionSchema.nullable(),
  draft: ZTaxonomyVersionSchema.nullable(),
  versions: z.array(ZTaxonomyVersionSummarySchema),
});
export type TTaxonomy = z.infer<typeof ZTaxonomySchema>;

export const ZTaxonomyDraftSaveSchema = z.object({
  definition: ZTaxonomyDefinitionSchema,
  /** Checked against the published version and this definition when the draft is dry-run or published, not on every save. */
  operations: ZTaxonomyOperationsSchema.default([]),
  /** The draft's updatedAt as last read; a save against a newer draft is refused (409), never merged silently. */
  baseUpdatedAt: z.string().datetime().nullable().default(null),
});

export const ZTaxonomyVersionRefSchema = z.object({
  projectId: z.string().min(1).max(100),
  version: z.coerce.number().int().min(1),
});
