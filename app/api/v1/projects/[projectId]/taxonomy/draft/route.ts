import { saveTaxonomyDraft } from '@/lib/api/operations/taxonomy';
import { route } from '@/server/http/route';
import { saveTaxonomyDraft as save } from '@/server/taxonomy/save-taxonomy-draft';

export const PUT = route(saveTaxonomyDraft, ({ ctx, params, body }) => save(ctx, { ...params, ...body }));
