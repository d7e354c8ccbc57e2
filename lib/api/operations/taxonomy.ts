import { defineOperation } from '../operation';
import { ZProjectRefSchema } from '../../schemas/project';
import {
  ZTaxonomyDraftSaveSchema,
  ZTaxonomySchema,
  ZTaxonomyVersionRefSchema,
  ZTaxonomyVersionSchema,
} from '../../schemas/taxonomy';

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
