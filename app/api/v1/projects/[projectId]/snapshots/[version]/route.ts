import { getSnapshot } from '@/lib/api/operations/snapshots';
import { route } from '@/server/http/route';
import { getSnapshot as get } from '@/server/snapshots/get-snapshot';

export const GET = route(getSnapshot, ({ ctx, params }) => get(ctx, params));
