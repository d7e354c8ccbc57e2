import { retryAsset } from '@/lib/api/operations/assets';
import { retryAsset as retry } from '@/server/assets/retry-asset';
import { route } from '@/server/http/route';

export const POST = route(retryAsset, ({ ctx, params }) => retry(ctx, params));
