import { listAssets } from '@/lib/api/operations/assets';
import { listAssets as list } from '@/server/assets/list-assets';
import { route } from '@/server/http/route';

export const GET = route(listAssets, ({ ctx, params, query }) => list(ctx, { ...params, ...query }));
