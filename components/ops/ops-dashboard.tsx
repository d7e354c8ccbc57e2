'use client';

import { getQueueStats } from '@/lib/api/operations/ops';
import { cx } from '../ui/cx';
import { PageHeader, Section } from '../ui/page-header';
import { ErrorState, LoadingState } from '../ui/states';
import { useApiQuery } from '../use-api';
import { FailuresTable } from './failures-table';
import { HealthCheck } from './health-check';
import { QueueCard } from './queue-card';

const REFRESH_MS = 2000;

export function OpsDashboard() {
  const stats = useApiQuery(getQueueStats, {}, { refetchInterval: REFRESH_MS, refetchIntervalInBackground: false, staleTime: 0 });
  // Live while the last poll succeeded; an error after data (server restarting) shows as "stale".
  const live = stats.isSuccess && !stats.isRefetchError;

  return (
    <>
      <PageHeader
        title="Operations"
        description="Worker queues, dead letters and a round-trip check. Site admins only."
        actions={
          <span className="flex items-center gap-1.5 text-xs text-zinc-500" data-testid="live-indicator">
            <span className={cx('size-2 rounded-full', live ? 'animate-pulse bg-emerald-500' : 'bg-zinc-300')} aria-hidden />
            {live ? `Live · every ${REFRESH_MS / 1000} s` : stats.isPending ? 'Connecting…' : 'Stale: not updating'}
          </span>
        }
      />
      <div className="space-y-8">
        <Section title="Queues" actions={<HealthCheck />}>
          {stats.isPending ? (
            <LoadingState label="Loading queues…" />
          ) : stats.isError && !stats.data ? (
            <ErrorState error={stats.error} onRetry={() => void stats.refetch()} title="Could not read the queues" />
          ) : stats.data ? (
            <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3">
              {stats.data.queues.map((q) => (
                <QueueCard key={q.name} queue={q} />
              ))}
            </div>
          ) : null}
        </Section>
        <Section
          title="Dead letters"
          description="Jobs that failed after all their attempts. Retry once the cause is fixed, or discard."
        >
          <FailuresTable />
        </Section>
      </div>
    </>
  );
}
