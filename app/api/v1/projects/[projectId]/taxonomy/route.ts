import { getTaxonomy } from '@/lib/api/operations/taxonomy';
import { route } from '@/server/http/route';
import { getTaxonomy as get } from '@/server/taxonomy/get-taxonomy';

export const GET = route(getTaxonomy, ({ ctx, params }) => get(ctx, params));
