'use client';

import Link from 'next/link';
import { getTaxonomy } from '@/lib/api/operations/taxonomy';
import { getWorkflow } from '@/lib/api/operations/workflow';
import type { TRole } from '@/lib/schemas/project';
import { ROLE_LABELS } from '../ui/badge';
import { formatRelative } from '../ui/format';
import { EmptyState, ErrorState, LoadingState, Notice } from '../ui/states';
import { useApiQuery } from '../use-api';
import { CreateTasksPanel } from './create-tasks-panel';
import { PassList } from './pass-list';
import { WorkflowEditor } from './workflow-editor';

export function WorkflowPanel({ slug, role, canEdit }: { slug: string; role: TRole; canEdit: boolean }) {
  // Editors get no refetch behind their back: the list changes by their own save.
  const workflow = useApiQuery(
    getWorkflow,
    { params: { projectId: slug } },
    { refetchOnWindowFocus: !canEdit, staleTime: canEdit ? Infinity : 10_000 },
  );
  const taxonomy = useApiQuery(getTaxonomy, { params: { projectId: slug } });

  if (workflow.isPending) return <LoadingState label="Loading workflow…" />;
  if (workflow.isError) return <ErrorState error={workflow.error} onRetry={() => void workflow.refetch()} />;
  const classes = taxonomy.data?.published?.definition.classes ?? [];
  const { passes, updatedAt } = workflow.data;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div className="min-w-0 space-y-3">
        <p className="text-sm text-zinc-600">
          Items go through the passes in order: labeling (with overlap), review of the pass before, and adjudication of escalated
          items.{updatedAt && ` Last changed ${formatRelative(updatedAt)}.`}
        </p>
        {taxonomy.isError && <Notice tone="warning">The taxonomy could not be loaded, so class scopes show ids.</Notice>}
        {canEdit ? (
          <WorkflowEditor slug={slug} workflow={workflow.data} classes={classes} />
        ) : passes.length === 0 ? (
          <EmptyState title="No workflow yet">An owner or data lead sets up the passes.</EmptyState>
        ) : (
          <>
            <Notice>Read-only: your role ({ROLE_LABELS[role]}) works in the passes; owners and data leads change them.</Notice>
            {workflow.data.autoCreateTasks && (
              <p className="text-xs text-zinc-500">Every asset that becomes READY gets a task in the first pass.</p>
            )}
            <PassList passes={passes} classes={classes} />
          </>
        )}
      </div>
      {canEdit && (
        <aside className="space-y-3">
          <CreateTasksPanel slug={slug} />
          <p className="text-xs text-zinc-500">
            New tasks enter the first pass. Follow them on the{' '}
            <Link href={`/projects/${slug}/queues`} className="text-accent-700 hover:underline">
              queues
            </Link>{' '}
            page.
          </p>
        </aside>
      )}
    </div>
  );
}
