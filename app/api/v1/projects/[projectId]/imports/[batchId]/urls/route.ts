import { importUrls } from '@/lib/api/operations/imports';
import { route } from '@/server/http/route';
import { importUrls as queueUrls } from '@/server/imports/import-urls';

export const POST = route(importUrls, ({ ctx, params, body }) => queueUrls(ctx, { ...params, ...body }));
