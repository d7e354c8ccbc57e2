import { getAssetSamples } from '@/lib/api/operations/assets';
import { readSamples } from '@/server/assets/read-samples';
import { route } from '@/server/http/route';

export const GET = route(getAssetSamples, async ({ ctx, params, query }) => readSamples(ctx, { ...params, ...query }));
