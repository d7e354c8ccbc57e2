import { resolveMigrationDecision } from '@/lib/api/operations/taxonomy';
import { route } from '@/server/http/route';
import { resolveMigrationDecision as resolve } from '@/server/taxonomy/resolve-migration-decision';

export const POST = route(resolveMigrationDecision, ({ ctx, params, body }) => resolve(ctx, { ...params, ...body }));
