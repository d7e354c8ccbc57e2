import { getTaxonomyVersion } from '@/lib/api/operations/taxonomy';
import { route } from '@/server/http/route';
import { getTaxonomyVersion as get } from '@/server/taxonomy/get-taxonomy-version';

export const GET = route(getTaxonomyVersion, ({ ctx, params }) => get(ctx, params));
