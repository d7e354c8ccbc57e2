import { getAssetDerivative } from '@/lib/api/operations/assets';
import { getAssetDerivative as get } from '@/server/assets/get-asset-derivative';
import { route } from '@/server/http/route';
import { serveBlob } from '@/server/http/serve-blob';

export const GET = route(getAssetDerivative, async ({ ctx, params, query, req }) =>
  serveBlob(req, await get(ctx, { ...params, variant: query.variant })),
);
