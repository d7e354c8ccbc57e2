import { saveAnnotation } from '@/lib/api/operations/workflow';
import { route } from '@/server/http/route';
import { saveAnnotation as save } from '@/server/workflow/save-annotation';

export const PUT = route(saveAnnotation, ({ ctx, params, body }) => save(ctx, { ...params, ...body }));
