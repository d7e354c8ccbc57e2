import { listMigrationDecisions } from '@/lib/api/operations/taxonomy';
import { route } from '@/server/http/route';
import { listMigrationDecisions as list } from '@/server/taxonomy/list-migration-decisions';

export const GET = route(listMigrationDecisions, ({ ctx, params }) => list(ctx, params));
