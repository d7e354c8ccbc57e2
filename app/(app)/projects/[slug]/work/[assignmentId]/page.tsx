import type { Metadata } from 'next';
import { preload } from 'react-dom';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { requirePageCtx } from '@/app/_lib/session';
import { AnyTaskShell } from '@/components/workflow/any-task-shell';
import { AudioTaskShell } from '@/components/workflow/audio-task-shell';
import { ImageTaskShell } from '@/components/workflow/image-task-shell';
import { VideoTaskShell } from '@/components/workflow/video-task-shell';
import { buildUrl } from '@/lib/api/client';
import { getAssignment } from '@/lib/api/operations/workflow';
import { findTaskMedia } from '@/server/workflow/find-task-media';

export const metadata: Metadata = { title: 'Work' };

// Each is its own client module: the browser loads only the editor code of the one rendered.
const SHELLS = { IMAGE: ImageTaskShell, AUDIO: AudioTaskShell, VIDEO: VideoTaskShell };

export default async function TaskPage({ params }: { params: Promise<{ slug: string; assignmentId: string }> }) {
  const { slug, assignmentId } = await params;
  const [access, ctx] = await Promise.all([projectAccessOrNotFound(slug), requirePageCtx()]);
  // The shell asks for the item, and the audio editor for the waveform's overview, only once their
  // scripts have run; preloaded, both download while the scripts do (the item itself is not rendered
  // here: the editors read local drafts as they first render, so they render in the browser).
  preload(buildUrl(getAssignment.path, { projectId: access.slug, assignmentId }), { as: 'fetch', crossOrigin: 'anonymous' });
  const media = await findTaskMedia(ctx, { projectId: access.slug, assignmentId }).catch(() => null);
  if (media?.waveformOverview) preload(media.waveformOverview, { as: 'fetch', crossOrigin: 'anonymous' });
  // Not the caller's to see (the shell says why) or gone: the shell with every editor.
  const Shell = media ? SHELLS[media.kind] : AnyTaskShell;
  // Keyed by item: moving to the next one starts a fresh shell (timers, drafts, prefetch).
  return <Shell key={assignmentId} slug={access.slug} assignmentId={assignmentId} userId={ctx.actor.id} />;
}
