import { z } from 'zod';
import { ZTaxonomyOperationsSchema } from '../taxonomy-migration/operations';
import { ZTaxonomyVersionRefSchema } from './taxonomy';

export const ZTaxonomyDiffRefSchema = ZTaxonomyVersionRefSchema.extend({ other: z.coerce.number().int().min(1) });

/** One class between two versions (`lib/taxonomy-migration/diff-versions.ts`). */
export const ZClassDiffSchema = z.object({
  classId: z.string(),
  name: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  /** For `changed`: property (`attributes.<id>` for an attribute) → [before, after]. */
  fields: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
});

/** Version `from` against version `to`: their classes field by field, and the operations recorded in between. */
export const ZTaxonomyVersionDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  classes: z.array(ZClassDiffSchema),
  /** The operations each version after the older one up to the newer one recorded, oldest first. */
  steps: z.array(z.object({ version: z.number().int(), operations: ZTaxonomyOperationsSchema })),
  /** Class id → name, as the oldest of the versions that has it names it (operations name classes as before). */
  names: z.record(z.string(), z.string()),
});
export type TTaxonomyVersionDiff = z.infer<typeof ZTaxonomyVersionDiffSchema>;
