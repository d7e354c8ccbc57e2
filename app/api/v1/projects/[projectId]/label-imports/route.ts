import { importLabels } from '@/lib/api/operations/label-imports';
import { route } from '@/server/http/route';
import { importLabels as importFile } from '@/server/label-imports/import-labels';

export const POST = route(importLabels, ({ ctx, params, body }) => importFile(ctx, { ...params, ...body }));
