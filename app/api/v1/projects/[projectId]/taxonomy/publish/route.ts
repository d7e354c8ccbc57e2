import { publishTaxonomy } from '@/lib/api/operations/taxonomy';
import { route } from '@/server/http/route';
import { publishTaxonomyVersion } from '@/server/taxonomy/publish-taxonomy-version';

export const POST = route(publishTaxonomy, ({ ctx, params }) => publishTaxonomyVersion(ctx, params));
