import { freshDecision } from '../taxonomy-migration/fresh-decision';
import { ALL, LEADS, ownerOf, type Cell } from './matrix-cell';
import * as fx from './matrix-fixtures';

// The taxonomy operations' cells of the access matrix: every member reads the taxonomy and its
// versions; only leads (OWNER, DATA_LEAD) change it, dry-run it or decide re-review items.

export const TAXONOMY_CELLS: Record<string, Cell> = {
  getTaxonomy: { request: async (_w, p) => ({ path: `/projects/${p}/taxonomy` }), roles: ALL(200) },
  saveTaxonomyDraft: {
    request: async (w, p) => ({
      path: `/projects/${p}/taxonomy/draft`,
      body: { definition: fx.SAMPLE_DEFINITION, baseUpdatedAt: await fx.draftBase(fx.ownerCtx(ownerOf(w, p)), p) },
    }),
    roles: LEADS(200),
  },
  publishTaxonomy: {
    request: async (w, p) => {
      await fx.draftBase(fx.ownerCtx(ownerOf(w, p)), p);
      return { path: `/projects/${p}/taxonomy/publish` };
    },
    roles: LEADS(200),
  },
  getTaxonomyVersion: {
    request: async (w, p) => {
      await fx.publishedVersion1(fx.ownerCtx(ownerOf(w, p)), p);
      return { path: `/projects/${p}/taxonomy/versions/1` };
    },
    roles: ALL(200),
  },
  // Every member reads every version, so every member may compare two of them.
  diffTaxonomyVersions: {
    request: async (w, p) => {
      await fx.publishedVersion1(fx.ownerCtx(ownerOf(w, p)), p);
      // The draft after it is version 2 (or, once publishTaxonomy ran, the published version 2).
      await fx.draftBase(fx.ownerCtx(ownerOf(w, p)), p);
      return { path: `/projects/${p}/taxonomy/versions/1/diff/2` };
    },
    roles: ALL(200),
  },
  dryRunTaxonomyMigration: {
    request: async (w, p) => {
      await fx.draftBase(fx.ownerCtx(ownerOf(w, p)), p);
      return { path: `/projects/${p}/taxonomy/draft/impact` };
    },
    roles: LEADS(200),
  },
  listTaxonomyMigrations: { request: async (_w, p) => ({ path: `/projects/${p}/taxonomy/migrations` }), roles: ALL(200) },
  listMigrationDecisions: { request: async (_w, p) => ({ path: `/projects/${p}/taxonomy/decisions` }), roles: LEADS(200) },
  resolveMigrationDecision: {
    request: async (w, p) => ({
      path: `/projects/${p}/taxonomy/decisions/${await freshDecision(fx.ownerCtx(ownerOf(w, p)), p)}`,
      body: { regions: [{ regionId: 'r1' }] },
    }),
    roles: LEADS(200),
  },
};
