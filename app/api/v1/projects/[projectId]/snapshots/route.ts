import { createSnapshot, listSnapshots } from '@/lib/api/operations/snapshots';
import { route } from '@/server/http/route';
import { createSnapshot as create } from '@/server/snapshots/create-snapshot';
import { listSnapshots as list } from '@/server/snapshots/list-snapshots';

export const GET = route(listSnapshots, ({ ctx, params }) => list(ctx, params));
export const POST = route(createSnapshot, ({ ctx, params, body }) => create(ctx, { ...params, ...body }));
