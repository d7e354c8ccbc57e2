import { z } from 'zod';
import { ZStableIdSchema } from '../schemas/stable-id';

// The changes a new taxonomy version makes to labels, written as operations on the previous
// version rather than inferred from two definitions: a class that disappears could have been merged,
// split or deleted, and only the data lead knows which. README.md says what each does to each geometry.

const ZAttributeValueSchema = z.union([z.string(), z.number(), z.boolean()]);

export const ZTaxonomyOperationSchema = z.discriminatedUnion('op', [
  /** The class keeps its id, so labels are unchanged; only the name shown changes. */
  z.object({ op: z.literal('rename_class'), classId: ZStableIdSchema, name: z.string().trim().min(1).max(100) }),
  /** Labels of every `from` class become `into` (which may be one of them or a new class). */
  z.object({ op: z.literal('merge_classes'), from: z.array(ZStableIdSchema).min(1).max(50), into: ZStableIdSchema }),
  /** Labels of the class go to the first of `into` for now and wait for a person to choose. */
  z.object({ op: z.literal('split_class'), classId: ZStableIdSchema, into: z.array(ZStableIdSchema).min(2).max(50) }),
  /** The class stays (hidden for new labeling); its labels are kept and shown as deprecated. */
  z.object({ op: z.literal('deprecate_class'), classId: ZStableIdSchema }),
  /** A new place in the class tree; labels are unchanged. */
  z.object({ op: z.literal('move_class'), classId: ZStableIdSchema, parentId: ZStableIdSchema.nullable() }),
  /** Labels of the class get the attribute set to `default`; with no default each needs a person to set it. */
  z.object({
    op: z.literal('add_attribute'),
    classId: ZStableIdSchema,
    attributeId: ZStableIdSchema,
    default: ZAttributeValueSchema.nullable(),
  }),
  z.object({ op: z.literal('remove_attribute'), classId: ZStableIdSchema, attributeId: ZStableIdSchema }),
  /** A new name and, when `newId` differs, a new key: values move from the old key to the new one. */
  z.object({
    op: z.literal('rename_attribute'),
    classId: ZStableIdSchema,
    attributeId: ZStableIdSchema,
    newId: ZStableIdSchema,
    name: z.string().trim().min(1).max(100),
  }),
  /** Old enum value → new value, or null to clear it (refused for a required attribute: it would need a person). */
  z.object({
    op: z.literal('map_enum_values'),
    classId: ZStableIdSchema,
    attributeId: ZStableIdSchema,
    mapping: z.record(z.string().min(1).max(100), z.string().min(1).max(100).nullable()),
  }),
]);
export type TTaxonomyOperation = z.infer<typeof ZTaxonomyOperationSchema>;
export type TOperationKind = TTaxonomyOperation['op'];

export const ZTaxonomyOperationsSchema = z.array(ZTaxonomyOperationSchema).max(200);

/**
 * The classes whose labels an operation concerns, as they are named before the migration. The dry
 * run counts annotations holding one of them (in SQL) and the migration records the same test on each
 * annotation it moves, so the two numbers agree by construction.
 */
export function operationClassIds(operation: TTaxonomyOperation): string[] {
  return operation.op === 'merge_classes' ? operation.from : [operation.classId];
}
