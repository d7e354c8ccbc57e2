import { diffTaxonomyVersions } from '@/lib/api/operations/taxonomy';
import { route } from '@/server/http/route';
import { diffTaxonomyVersions as diff } from '@/server/taxonomy/diff-taxonomy-versions';

export const GET = route(diffTaxonomyVersions, ({ ctx, params }) => diff(ctx, params));
