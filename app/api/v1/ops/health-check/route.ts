import { runHealthCheck } from '@/lib/api/operations/ops';
import { route } from '@/server/http/route';
import { runHealthCheck as run } from '@/server/jobs/run-health-check';

export const POST = route(runHealthCheck, ({ ctx }) => run(ctx));
