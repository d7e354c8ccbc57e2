'use client';

import { useMutation } from '@tanstack/react-query';
import { callApi } from '@/lib/api/client';
import { runHealthCheck } from '@/lib/api/operations/ops';
import { Button } from '../ui/button';

/** Sends a job through Redis to a worker and back, and shows how long that took. */
export function HealthCheck() {
  const check = useMutation({ mutationFn: () => callApi(runHealthCheck, {}) });
  const r = check.data;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={() => check.mutate()} pending={check.isPending}>
        Run health check
      </Button>
      <span className="text-sm" role="status" data-testid="health-result">
        {check.isError && <span className="text-red-700">{check.error.message}</span>}
        {r?.ok && (
          <span className="text-emerald-700">
            ✓ Round trip <strong className="tabular-nums">{Math.round(r.ms)} ms</strong>
            <span className="text-zinc-500">{r.workerPid !== null ? ` · worker pid ${r.workerPid}` : ''}</span>
          </span>
        )}
        {r && !r.ok && (
          <span className="text-red-700">
            ✗ No answer after {Math.round(r.ms)} ms{r.error ? `: ${r.error}` : ''}
          </span>
        )}
      </span>
    </div>
  );
}
