import type { Metadata } from 'next';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { requirePageCtx } from '@/app/_lib/session';
import { TaskShell } from '@/components/workflow/task-shell';

export const metadata: Metadata = { title: 'Work' };

export default async function TaskPage({ params }: { params: Promise<{ slug: string; assignmentId: string }> }) {
  const { slug, assignmentId } = await params;
  const [access, ctx] = await Promise.all([projectAccessOrNotFound(slug), requirePageCtx()]);
  // Keyed by item: moving to the next one starts a fresh shell (timers, drafts, prefetch).
  return <TaskShell key={assignmentId} slug={access.slug} assignmentId={assignmentId} userId={ctx.actor.id} />;
}
