'use client';

import Link from 'next/link';
import { getQueueStats, getWorkflow } from '@/lib/api/operations/workflow';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { useApiQuery } from '../use-api';
import { WorkCard } from './work-card';

/** One card per pass the caller may work in, with what waits there and a button to start. */
export function WorkQueues({ slug, canConfigure }: { slug: string; canConfigure: boolean }) {
  const workflow = useApiQuery(getWorkflow, { params: { projectId: slug } });
  const stats = useApiQuery(getQueueStats, { params: { projectId: slug } }, { refetchInterval: 15_000 });

  if (workflow.isPending) return <LoadingState label="Loading your queues…" />;
  if (workflow.isError) return <ErrorState error={workflow.error} onRetry={() => void workflow.refetch()} />;
  const workable = workflow.data.passes.filter((p) => workflow.data.workablePassIds.includes(p.id));

  if (workable.length === 0) {
    return (
      <EmptyState title={workflow.data.passes.length === 0 ? 'No workflow yet' : 'No pass for your role'}>
        {canConfigure ? (
          <>
            Set up the passes on the{' '}
            <Link href={`/projects/${slug}/workflow`} className="text-accent-700 hover:underline">
              workflow
            </Link>{' '}
            page.
          </>
        ) : (
          'When an owner or data lead opens a pass to your role, it shows up here.'
        )}
      </EmptyState>
    );
  }

  return (
    <div className="space-y-3">
      {stats.isError && (
        <ErrorState title="Could not load the queue sizes" error={stats.error} onRetry={() => void stats.refetch()} />
      )}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {workable.map((pass) => (
          <WorkCard key={pass.id} slug={slug} pass={pass} stats={stats.data?.passes.find((s) => s.passId === pass.id)} />
        ))}
      </div>
    </div>
  );
}
