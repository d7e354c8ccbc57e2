import type { Metadata } from 'next';
import { preload } from 'react-dom';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { requirePageCtx } from '@/app/_lib/session';
import { TaskShell } from '@/components/workflow/task-shell';
import { overviewLevel } from '@/lib/annotate/audio/peak-level';
import { getAssignment } from '@/server/workflow/get-assignment';

export const metadata: Metadata = { title: 'Work' };

export default async function TaskPage({ params }: { params: Promise<{ slug: string; assignmentId: string }> }) {
  const { slug, assignmentId } = await params;
  const [access, ctx] = await Promise.all([projectAccessOrNotFound(slug), requirePageCtx()]);
  // The waveform's overview downloads while the scripts do. The item itself is not handed to the
  // shell: the editors read local drafts (localStorage) as they first render, so they render in the browser.
  const item = await getAssignment(ctx, { projectId: access.slug, assignmentId }).catch(() => undefined);
  const overview = item && overviewLevel(item.asset.peaks);
  if (overview) preload(overview.url, { as: 'fetch', crossOrigin: 'anonymous' });
  // Keyed by item: moving to the next one starts a fresh shell (timers, drafts, prefetch).
  return <TaskShell key={assignmentId} slug={access.slug} assignmentId={assignmentId} userId={ctx.actor.id} />;
}
