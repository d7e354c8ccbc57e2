import { listTaxonomyMigrations } from '@/lib/api/operations/taxonomy';
import { route } from '@/server/http/route';
import { listTaxonomyMigrations as list } from '@/server/taxonomy/list-taxonomy-migrations';

export const GET = route(listTaxonomyMigrations, ({ ctx, params }) => list(ctx, params));
