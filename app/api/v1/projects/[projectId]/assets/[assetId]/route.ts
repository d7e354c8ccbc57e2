import { discardAsset, getAsset } from '@/lib/api/operations/assets';
import { discardAsset as discard } from '@/server/assets/discard-asset';
import { getAsset as get } from '@/server/assets/get-asset';
import { route } from '@/server/http/route';

export const GET = route(getAsset, ({ ctx, params }) => get(ctx, params));
export const DELETE = route(discardAsset, ({ ctx, params }) => discard(ctx, params));
