import { defineOperation } from '../operation';
import { ZProjectRefSchema } from '../../schemas/project';
import {
  ZTaxonomyDraftSaveSchema,
  ZTaxonomySchema,
  ZTaxonomyVersionRefSchema,
  ZTaxonomyVersionSchema,
} from '../../schemas/taxonomy';
import {
  ZDecisionRefSchema,
  ZMigrationDecisionsSchema,
  ZMigrationImpactSchema,
  ZResolveDecisionSchema,
  ZTaxonomyMigrationSchema,
} from '../../schemas/taxonomy-migration';
import { z } from 'zod';
import { ZTaxonomyDiffRefSchema, ZTaxonomyVersionDiffSchema } from '../../schemas/taxonomy-diff';

export const getTaxonomy = defineOperation({
  id: 'getTaxonomy',
  method: 'GET',
  path: '/projects/{projectId}/taxonomy',
  tag: 'Taxonomy',
  summary: "The project's taxonomy: published version, draft and history",
  params: ZProjectRefSchema,
  response: ZTaxonomySchema,
});

export const saveTaxonomyDraft = defineOperation({
  id: 'saveTaxonomyDraft',
  method: 'PUT',
  path: '/projects/{projectId}/taxonomy/draft',
  tag: 'Taxonomy',
  summary: 'Save the draft of the next version (OWNER, DATA_LEAD); 409 if the draft changed meanwhile',
  params: ZProjectRefSchema,
  body: ZTaxonomyDraftSaveSchema,
  response: ZTaxonomyVersionSchema,
});

export const publishTaxonomy = defineOperation({
  id: 'publishTaxonomy',
  method: 'POST',
  path: '/projects/{projectId}/taxonomy/publish',
  tag: 'Taxonomy',
  summary: 'Publish the draft as an immutable version (OWNER, DATA_LEAD)',
  params: ZProjectRefSchema,
  response: ZTaxonomyVersionSchema,
});

export const getTaxonomyVersion = defineOperation({
  id: 'getTaxonomyVersion',
  method: 'GET',
  path: '/projects/{projectId}/taxonomy/versions/{version}',
  tag: 'Taxonomy',
  summary: 'One version of the taxonomy',
  params: ZTaxonomyVersionRefSchema,
  response: ZTaxonomyVersionSchema,
});

export const dryRunTaxonomyMigration = defineOperation({
  id: 'dryRunTaxonomyMigration',
  method: 'GET',
  path: '/projects/{projectId}/taxonomy/draft/impact',
  tag: 'Taxonomy',
  summary:
    'What publishing the draft would do to existing labels (OWNER, DATA_LEAD): per operation, annotations, tasks by pass and status, snapshots, samples; and what stops the publish',
  params: ZProjectRefSchema,
  response: ZMigrationImpactSchema,
});

export const listTaxonomyMigrations = defineOperation({
  id: 'listTaxonomyMigrations',
  method: 'GET',
  path: '/projects/{projectId}/taxonomy/migrations',
  tag: 'Taxonomy',
  summary: 'The migrations of labels between published versions, newest first, with their progress',
  params: ZProjectRefSchema,
  response: ZTaxonomyMigrationSchema.array(),
});

export const listMigrationDecisions = defineOperation({
  id: 'listMigrationDecisions',
  method: 'GET',
  path: '/projects/{projectId}/taxonomy/decisions',
  tag: 'Taxonomy',
  summary: 'The re-review queue (OWNER, DATA_LEAD): annotations a migration left with regions waiting for a person',
  params: ZProjectRefSchema,
  response: ZMigrationDecisionsSchema,
});

export const resolveMigrationDecision = defineOperation({
  id: 'resolveMigrationDecision',
  method: 'POST',
  path: '/projects/{projectId}/taxonomy/decisions/{decisionId}',
  tag: 'Taxonomy',
  summary:
    "Decide a re-review item (OWNER, DATA_LEAD): a split region's class, an added attribute's value; 422 while any stays open",
  params: ZDecisionRefSchema,
  body: ZResolveDecisionSchema,
  response: z.object({ annotationId: z.string(), version: z.number().int() }),
});

export const diffTaxonomyVersions = defineOperation({
  id: 'diffTaxonomyVersions',
  method: 'GET',
  path: '/projects/{projectId}/taxonomy/versions/{version}/diff/{other}',
  tag: 'Taxonomy',
  summary:
    'Version {version} against version {other}: classes added, removed and changed field by field, and the operations recorded between them',
  params: ZTaxonomyDiffRefSchema,
  response: ZTaxonomyVersionDiffSchema,
});
