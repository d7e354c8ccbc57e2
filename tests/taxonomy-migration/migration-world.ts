import { GEOMETRIES, type TTaxonomyClass, type TTaxonomyDefinition } from '@/lib/schemas/taxonomy';
import type { TRegion } from '@/lib/schemas/workflow';
import type { TTaxonomyOperation } from '@/lib/taxonomy-migration/operations';
import { regionOf } from '@/lib/taxonomy-migration/test-regions';
import { createStubAssets, createWorkflowPasses } from '@/prisma/factories/create-workflow';
import type { Ctx } from '@/server/context';
import { db } from '@/server/db';
import { rows, sql } from '@/server/sql';
import { publishTaxonomyVersion } from '@/server/taxonomy/publish-taxonomy-version';
import { saveTaxonomyDraft } from '@/server/taxonomy/save-taxonomy-draft';
import { projectWithEveryRole } from '../api/api-users';
import { ownerCtx } from '../api/matrix-fixtures';

// A project labeled on v1 (cat, dog, lynx, fox, bird; every geometry) and a v2 draft that renames
// cat, merges lynx and fox into cat, splits dog, and maps cat's mood values: the migration tests' world.

const MOOD = { id: 'mood', name: 'Mood', type: 'enum' as const, required: false };
const SKELETON = {
  keypoints: [
    { id: 'head', name: 'Head' },
    { id: 'tail', name: 'Tail' },
  ],
  edges: [],
};
const CLASS_IDS = ['cat', 'dog', 'lynx', 'fox', 'bird'] as const;

const animal = (id: string, i: number, extra: Partial<TTaxonomyClass> = {}): TTaxonomyClass => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  color: `#${(0x204060 + i * 0x101010).toString(16)}`,
  hotkey: null,
  geometries: [...GEOMETRIES],
  attributes: [{ ...MOOD, options: ['calm', 'wild'] }],
  description: '',
  skeleton: SKELETON,
  ...extra,
});

export const V1: TTaxonomyDefinition = { classes: CLASS_IDS.map((id, i) => animal(id, i)) };
export const V2: TTaxonomyDefinition = {
  classes: [
    animal('cat', 0, { name: 'Feline', attributes: [{ ...MOOD, options: ['relaxed', 'wild'] }] }),
    animal('puppy', 1),
    animal('adult_dog', 2),
    animal('bird', 4),
  ],
};
export const OPERATIONS: TTaxonomyOperation[] = [
  { op: 'rename_class', classId: 'cat', name: 'Feline' },
  { op: 'merge_classes', from: ['lynx', 'fox'], into: 'cat' },
  { op: 'split_class', classId: 'dog', into: ['puppy', 'adult_dog'] },
  { op: 'map_enum_values', classId: 'cat', attributeId: 'mood', mapping: { calm: 'relaxed' } },
];

/** Item `i`'s regions: a varying mix of classes and geometries, some items with none at all. */
export function regionsOfItem(i: number): TRegion[] {
  const count = i % 7 === 0 ? 0 : 1 + (i % 3);
  return Array.from({ length: count }, (_, k) =>
    regionOf(GEOMETRIES[(i + k) % GEOMETRIES.length]!, `r${k}`, CLASS_IDS[(i * 3 + k) % CLASS_IDS.length]!, {
      mood: (i + k) % 2 ? 'calm' : 'wild',
    }),
  );
}

export interface MigrationWorld {
  projectId: string;
  otherProjectId: string;
  owner: Ctx;
  lead: Ctx;
  annotator: Ctx;
  tokens: Record<'OWNER' | 'DATA_LEAD' | 'REVIEWER' | 'ANNOTATOR' | 'outsider', string>;
  /** Every item's LABEL assignment (held by the annotator) and its annotation; item `i` was labeled `regionsOfItem(i)`. */
  items: { assignmentId: string; annotationId: string }[];
}

/** `items` labeled tasks on v1, held by the annotator in the LABEL pass; the v2 draft saved with its operations. */
export async function migrationWorld(items: number): Promise<MigrationWorld> {
  const { project, members, outsider, otherProject } = await projectWithEveryRole();
  const owner = ownerCtx(members.OWNER.user);
  const ctx = (role: keyof typeof members): Ctx => ownerCtx(members[role].user);
  await saveTaxonomyDraft(owner, { projectId: project.id, definition: V1, baseUpdatedAt: null });
  const v1 = await publishTaxonomyVersion(owner, { projectId: project.id });
  const [pass] = await createWorkflowPasses(db(), { projectId: project.id, passes: [{ kind: 'LABEL', name: 'Label' }] });
  const assets = await createStubAssets(db(), { projectId: project.id, count: items });
  const annotator = members.ANNOTATOR.user.id;
  await rows(
    sql`WITH t AS (
        INSERT INTO "Task" (id, "projectId", "assetId", status, "passId", "openSlots", "updatedAt")
        SELECT 't' || a, ${project.id}, a, 'IN_PROGRESS', ${pass!.id}, 0, now() FROM unnest(${assets}::text[]) AS a
        RETURNING id, "assetId"),
      s AS (
        INSERT INTO "Assignment" (id, "taskId", "userId", pass, "passId", status, "leaseExpiresAt")
        SELECT 's' || t.id, t.id, ${annotator}, 'LABEL', ${pass!.id}, 'ACTIVE', now() + interval '1 hour' FROM t
        RETURNING id, "taskId")
      INSERT INTO "Annotation" (id, "assignmentId", "authorId", "taxonomyVersionId", "updatedAt", regions)
      SELECT 'n' || s.id, s.id, ${annotator}, ${v1.id}, now(), r.regions::jsonb
      FROM s JOIN t ON t.id = s."taskId"
      JOIN unnest(${assets}::text[], ${assets.map((_, i) => JSON.stringify(regionsOfItem(i)))}::text[]) AS r(asset, regions) ON r.asset = t."assetId"`,
  );
  await saveTaxonomyDraft(owner, { projectId: project.id, definition: V2, operations: OPERATIONS, baseUpdatedAt: null });
  return {
    projectId: project.id,
    otherProjectId: otherProject.id,
    owner,
    lead: ctx('DATA_LEAD'),
    annotator: ctx('ANNOTATOR'),
    tokens: {
      OWNER: members.OWNER.token,
      DATA_LEAD: members.DATA_LEAD.token,
      REVIEWER: members.REVIEWER.token,
      ANNOTATOR: members.ANNOTATOR.token,
      outsider: outsider.token,
    },
    // The ids the statement above derives from each asset's, in the order of `regionsOfItem`.
    items: assets.map((a) => ({ assignmentId: `st${a}`, annotationId: `nst${a}` })),
  };
}
