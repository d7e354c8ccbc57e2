import { adjudicateTask } from '@/lib/api/operations/workflow';
import { route } from '@/server/http/route';
import { adjudicateTask as adjudicate } from '@/server/workflow/adjudicate-task';

export const POST = route(adjudicateTask, ({ ctx, params, body }) => adjudicate(ctx, { ...params, ...body }));
