import { getAssetContent } from '@/lib/api/operations/assets';
import { getAssetContent as get } from '@/server/assets/get-asset-content';
import { route } from '@/server/http/route';
import { serveBlob } from '@/server/http/serve-blob';

export const GET = route(getAssetContent, async ({ ctx, params, req }) => serveBlob(req, await get(ctx, params)));
