import { dryRunTaxonomyMigration } from '@/lib/api/operations/taxonomy';
import { route } from '@/server/http/route';
import { dryRunTaxonomyMigration as dryRun } from '@/server/taxonomy/dry-run-taxonomy-migration';

export const GET = route(dryRunTaxonomyMigration, ({ ctx, params }) => dryRun(ctx, params));
