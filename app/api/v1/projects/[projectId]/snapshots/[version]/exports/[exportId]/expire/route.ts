import { expireSnapshotExport } from '@/lib/api/operations/snapshots';
import { route } from '@/server/http/route';
import { expireExport } from '@/server/snapshots/expire-export';

export const POST = route(expireSnapshotExport, ({ ctx, params }) => expireExport(ctx, params));
