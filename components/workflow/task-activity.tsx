'use client';

import Link from 'next/link';
import { getTaskActivity } from '@/lib/api/operations/workflow';
import { Badge } from '../ui/badge';
import { NotFoundView } from '../ui/not-found-view';
import { Section } from '../ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { useApiQuery } from '../use-api';
import { ActivityEventRow } from './activity-event';
import { CommentForm } from './comment-form';
import { CommentList } from './comment-list';

/** A task's history: every change, who made it and when, and its discussion. */
export function TaskActivity({ slug, taskId }: { slug: string; taskId: string }) {
  const activity = useApiQuery(getTaskActivity, { params: { projectId: slug, taskId } });
  if (activity.isPending) return <LoadingState label="Loading the task's history…" />;
  if (activity.isError) {
    if (activity.error.status === 404) return <NotFoundView what="task" />;
    return <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />;
  }
  const { task, events, comments } = activity.data;
  const newestFirst = [...events].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <div className="space-y-6">
      <div>
        <p className="text-xs text-zinc-500">Task activity</p>
        <h2 className="flex flex-wrap items-center gap-2 text-base font-semibold text-zinc-900">
          <Link href={`/projects/${slug}/assets/${task.asset.id}`} className="hover:underline">
            {task.asset.filename}
          </Link>
          <Badge tone={task.status === 'DONE' ? 'green' : task.status === 'ESCALATED' ? 'red' : 'neutral'}>
            {task.status.toLowerCase().replace('_', ' ')}
          </Badge>
          {task.passName && <span className="text-sm font-normal text-zinc-500">in {task.passName}</span>}
        </h2>
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Section title="History" description="Newest first.">
          {newestFirst.length === 0 ? (
            <EmptyState title="Nothing happened yet" />
          ) : (
            <ol className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white shadow-xs" aria-label="History">
              {newestFirst.map((e) => (
                <ActivityEventRow key={e.id} event={e} />
              ))}
            </ol>
          )}
        </Section>
        <Section title={`Comments (${comments.length})`}>
          <div className="space-y-3 rounded-lg border border-zinc-200 bg-white p-3 shadow-xs">
            <CommentList comments={comments} />
            <CommentForm slug={slug} taskId={task.id} />
          </div>
        </Section>
      </div>
    </div>
  );
}
