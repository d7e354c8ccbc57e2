import { createImport, listImports } from '@/lib/api/operations/imports';
import { route } from '@/server/http/route';
import { createImport as create } from '@/server/imports/create-import';
import { listImports as list } from '@/server/imports/list-imports';

export const GET = route(listImports, ({ ctx, params }) => list(ctx, params));
export const POST = route(createImport, ({ ctx, params, body }) => create(ctx, { ...params, ...body }));
