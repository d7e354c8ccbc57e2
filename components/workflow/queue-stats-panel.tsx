'use client';

import Link from 'next/link';
import { getQueueStats } from '@/lib/api/operations/workflow';
import { Section } from '../ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { useApiQuery } from '../use-api';
import { PassQueueCard } from './pass-queue-card';
import { PeopleTable } from './people-table';

export function QueueStatsPanel({ slug, isLead }: { slug: string; isLead: boolean }) {
  const stats = useApiQuery(getQueueStats, { params: { projectId: slug } }, { refetchInterval: 30_000 });
  if (stats.isPending) return <LoadingState label="Loading queues…" />;
  if (stats.isError) return <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  const { passes, people, tasks } = stats.data;

  return (
    <div className="space-y-6">
      <p className="text-sm text-zinc-600" data-testid="task-totals">
        {tasks.total} task{tasks.total === 1 ? '' : 's'} · {tasks.done} done · {tasks.escalated} escalated
      </p>
      {passes.length === 0 ? (
        <EmptyState title="No passes yet">
          {isLead ? (
            <>
              Set up the{' '}
              <Link href={`/projects/${slug}/workflow`} className="text-accent-700 hover:underline">
                workflow
              </Link>{' '}
              first.
            </>
          ) : (
            'Queues appear once the project has a workflow.'
          )}
        </EmptyState>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {passes.map((p) => (
            <PassQueueCard key={p.passId} pass={p} />
          ))}
        </div>
      )}
      <Section title="People" description={isLead ? 'Everyone who worked in this project.' : 'Your own figures.'}>
        <PeopleTable people={people} />
      </Section>
    </div>
  );
}
