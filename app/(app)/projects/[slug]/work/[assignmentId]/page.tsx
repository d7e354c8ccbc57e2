import type { Metadata } from 'next';
import { preload } from 'react-dom';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { requirePageCtx } from '@/app/_lib/session';
import { AnyTaskShell } from '@/components/workflow/any-task-shell';
import { AudioTaskShell } from '@/components/workflow/audio-task-shell';
import { ImageTaskShell } from '@/components/workflow/image-task-shell';
import { VideoTaskShell } from '@/components/workflow/video-task-shell';
import type { TAssignmentView } from '@/lib/schemas/workflow';
import { findTaskMedia } from '@/server/workflow/find-task-media';
import { getAssignment } from '@/server/workflow/get-assignment';

export const metadata: Metadata = { title: 'Work' };

// Each is its own client module: the browser loads only the editor code of the one rendered.
const SHELLS = { IMAGE: ImageTaskShell, AUDIO: AudioTaskShell, VIDEO: VideoTaskShell };

export default async function TaskPage({ params }: { params: Promise<{ slug: string; assignmentId: string }> }) {
  const { slug, assignmentId } = await params;
  const [access, ctx] = await Promise.all([projectAccessOrNotFound(slug), requirePageCtx()]);
  // The item's view, not awaited: the HTML and the scripts go first, the view follows in the same
  // response, and the shell starts from it once hydrated instead of asking the API after the scripts
  // ran. Sent as the API sends it (dates as strings); an error leaves the shell's own call to say why.
  const served = getAssignment(ctx, { projectId: access.slug, assignmentId }).then(
    (view) => JSON.parse(JSON.stringify(view)) as TAssignmentView,
    () => null,
  );
  // The audio editor asks for the waveform's overview only once the item's view is in; preloaded, it
  // downloads while the scripts do. Its URL is versioned and immutable. (A preload of the item's JSON
  // was tried: Chromium answered a later refetch, after a comment say, with the unused, stale preload.)
  const media = await findTaskMedia(ctx, { projectId: access.slug, assignmentId }).catch(() => null);
  if (media?.waveformOverview) preload(media.waveformOverview, { as: 'fetch', crossOrigin: 'anonymous' });
  // Not the caller's to see (the shell says why) or gone: the shell with every editor.
  const Shell = media ? SHELLS[media.kind] : AnyTaskShell;
  // Keyed by item: moving to the next one starts a fresh shell (timers, drafts, prefetch).
  return <Shell key={assignmentId} slug={access.slug} assignmentId={assignmentId} userId={ctx.actor.id} served={served} />;
}
