import type { Metadata } from 'next';
import { preload } from 'react-dom';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { requirePageCtx } from '@/app/_lib/session';
import { TaskShell } from '@/components/workflow/task-shell';
import { buildUrl } from '@/lib/api/client';
import { getAssignment } from '@/lib/api/operations/workflow';
import { findWaveformOverview } from '@/server/workflow/find-waveform-overview';

export const metadata: Metadata = { title: 'Work' };

export default async function TaskPage({ params }: { params: Promise<{ slug: string; assignmentId: string }> }) {
  const { slug, assignmentId } = await params;
  const [access, ctx] = await Promise.all([projectAccessOrNotFound(slug), requirePageCtx()]);
  // The shell asks for the item, and the audio editor for the waveform's overview, only once their
  // scripts have run; preloaded, both download while the scripts do (the item itself is not rendered
  // here: the editors read local drafts as they first render, so they render in the browser).
  preload(buildUrl(getAssignment.path, { projectId: access.slug, assignmentId }), { as: 'fetch', crossOrigin: 'anonymous' });
  const overview = await findWaveformOverview(ctx, { projectId: access.slug, assignmentId }).catch(() => null);
  if (overview) preload(overview, { as: 'fetch', crossOrigin: 'anonymous' });
  // Keyed by item: moving to the next one starts a fresh shell (timers, drafts, prefetch).
  return <TaskShell key={assignmentId} slug={access.slug} assignmentId={assignmentId} userId={ctx.actor.id} />;
}
