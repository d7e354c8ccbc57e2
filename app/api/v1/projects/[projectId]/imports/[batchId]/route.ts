import { getImport } from '@/lib/api/operations/imports';
import { route } from '@/server/http/route';
import { getImport as get } from '@/server/imports/get-import';

export const GET = route(getImport, ({ ctx, params }) => get(ctx, params));
