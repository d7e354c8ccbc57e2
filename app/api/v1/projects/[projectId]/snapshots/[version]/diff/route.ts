import { diffSnapshots } from '@/lib/api/operations/snapshots';
import { route } from '@/server/http/route';
import { diffSnapshots as diff } from '@/server/snapshots/diff-snapshots';

export const GET = route(diffSnapshots, ({ ctx, params, query }) => diff(ctx, { ...params, against: query.against }));
