'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { Suspense, use, useState, useSyncExternalStore } from 'react';
import { getAssignment } from '@/lib/api/operations/workflow';
import type { TAssignmentView } from '@/lib/schemas/workflow';
import { Button } from '../ui/button';
import { NotFoundView } from '../ui/not-found-view';
import { EmptyState, ErrorState, LoadingState, Notice } from '../ui/states';
import { apiKey, useApiQuery } from '../use-api';
import { isShapeClass } from '../annotate/image/scene-style';
import { AdjudicatePanel } from './adjudicate-panel';
import { CommentsPanel } from './comments-panel';
import { LabelPanel } from './label-panel';
import type { MediaEditor, MediaEditors } from './media-editors';
import { MediaPane } from './media-pane';
import type { PanelProps } from './panel-props';
import { QueueEmpty } from './queue-empty';
import { RegionFocusProvider } from './region-focus';
import { ReviewPanel } from './review-panel';
import { TaskHeader } from './task-header';
import { useNextItem } from './use-next-item';

const PANELS = { LABEL: LabelPanel, REVIEW: ReviewPanel, ADJUDICATE: AdjudicatePanel };

export interface TaskShellProps {
  slug: string;
  assignmentId: string;
  userId: string;
  /** The item's view as the API sends it, loading on the server alongside the page (null when it could not). */
  served?: Promise<TAssignmentView | null>;
}

const noSubscription = () => () => undefined;

/**
 * One item of any pass: header, media, the pass's own panel and the comments. The media's editors
 * come from the page (see media-editors.ts), so only the code the item needs is sent.
 */
export function TaskShell(props: TaskShellProps & { editors: MediaEditors }) {
  // The server renders the loading state only (the editors need the browser); right after hydration
  // the shell starts from the view streamed with the page, without a round trip to the API.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const loading = <LoadingState label="Loading the item…" />;
  if (!hydrated) return loading;
  return (
    <Suspense fallback={loading}>
      <ItemShell {...props} />
    </Suspense>
  );
}

function ItemShell({ slug, assignmentId, userId, editors, served }: TaskShellProps & { editors: MediaEditors }) {
  const input = { params: { projectId: slug, assignmentId } };
  // Opened by a claim, the cache already holds the item: the streamed copy is not waited for.
  const cached = useQueryClient().getQueryData(apiKey(getAssignment, input)) !== undefined;
  const initialData = (!cached && served ? use(served) : null) ?? undefined;
  // What the person judges changes only by their own actions or an explicit reload, not behind their back.
  const assignment = useApiQuery(getAssignment, input, { staleTime: Infinity, refetchOnWindowFocus: false, initialData });
  const next = useNextItem(slug, assignment.data, userId);
  // Bumped by a reload after a conflict: the panel starts over from the server's copy.
  const [generation, setGeneration] = useState(0);

  if (assignment.isPending) return <LoadingState label="Loading the item…" />;
  if (assignment.isError) {
    if (assignment.error.status === 404) return <NotFoundView what="item" />;
    if (assignment.error.status === 403) return <NotYours slug={slug} message={assignment.error.message} />;
    return <ErrorState error={assignment.error} onRetry={() => void assignment.refetch()} />;
  }
  const view = assignment.data;
  if (next.queueEmpty) return <QueueEmpty slug={slug} passName={view.pass.name} />;

  const holder = view.assignment.userId === userId;
  const active = holder && view.assignment.status === 'ACTIVE';
  const Panel = PANELS[view.pass.kind];
  const props: PanelProps = {
    slug,
    view,
    active,
    onDone: next.goNext,
    onReload: () => void assignment.refetch().then(() => setGeneration((g) => g + 1)),
    advancing: next.advancing,
  };

  const Workspace = labelWorkspaceFor(view, editors);
  const ReviewView = reviewViewFor(view, editors);
  const comments = <CommentsPanel slug={slug} taskId={view.task.id} comments={view.comments} />;

  return (
    <div className="space-y-3">
      <TaskHeader slug={slug} view={view} active={active} />
      {!active && <InactiveNotice view={view} holder={holder} onNext={next.goNext} advancing={next.advancing} />}
      {next.error && <Notice tone="error">Could not open the next item: {next.error}</Notice>}
      {next.advancing && (
        <p className="text-xs text-zinc-500" role="status">
          Opening the next item…
        </p>
      )}
      {Workspace ? (
        <Workspace key={generation} {...props} comments={comments} />
      ) : (
        <RegionFocusProvider key={generation}>
          <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
            {ReviewView ? (
              <ReviewView
                slug={slug}
                asset={view.asset}
                subjects={view.subjects}
                others={view.previous ? [view.previous] : []}
                classes={view.taxonomy.classes}
              />
            ) : (
              <MediaPane slug={slug} asset={view.asset} />
            )}
            <div className="space-y-4">
              <div className="rounded-lg border border-zinc-200 bg-white p-3 shadow-xs">
                <Panel key={generation} {...props} />
              </div>
              {comments}
            </div>
          </div>
        </RegionFocusProvider>
      )}
    </div>
  );
}

/** The editor a label pass opens on its medium, when its classes are drawn there; else the plain panel. */
function labelWorkspaceFor(view: TAssignmentView, editors: MediaEditors): MediaEditor['Label'] | null {
  const edits = drawsShapes(view) || marksSegments(view) || tracksObjects(view);
  return (edits && editors[view.asset.kind]?.Label) || null;
}

/** A label pass on an image whose classes are drawn as shapes opens the image editor. */
function drawsShapes(view: TAssignmentView): boolean {
  return view.pass.kind === 'LABEL' && view.asset.kind === 'IMAGE' && view.taxonomy.classes.some(isShapeClass);
}

/** A label pass on a recording whose classes are audio segments opens the audio editor. */
function marksSegments(view: TAssignmentView): boolean {
  return (
    view.pass.kind === 'LABEL' &&
    view.asset.kind === 'AUDIO' &&
    view.taxonomy.classes.some((c) => c.geometries.includes('audio_segment'))
  );
}

/** A label pass on a video whose classes are tracks or events opens the video editor. */
function tracksObjects(view: TAssignmentView): boolean {
  return (
    view.pass.kind === 'LABEL' &&
    view.asset.kind === 'VIDEO' &&
    view.taxonomy.classes.some((c) => c.geometries.includes('video_track') || c.geometries.includes('event'))
  );
}

/** Review and adjudication of tracks and events on a video play them with the video, read-only. */
function watchesTracks(view: TAssignmentView): boolean {
  return (
    view.asset.kind === 'VIDEO' &&
    view.subjects.some((a) => a.regions.some((r) => r.type === 'video_track' || r.type === 'event'))
  );
}

/** Review and adjudication of shapes on an image show them on the image, read-only. */
function showsShapes(view: TAssignmentView): boolean {
  return view.asset.kind === 'IMAGE' && view.subjects.some((a) => a.regions.some((r) => r.type !== 'classification'));
}

/** Review and adjudication of segments on a recording play them on its waveform, read-only. */
function hearsSegments(view: TAssignmentView): boolean {
  return view.asset.kind === 'AUDIO' && view.subjects.some((a) => a.regions.some((r) => r.type === 'audio_segment'));
}

/** The read-only view of the judged labels for a review or adjudication, by medium; null where the media pane says it all. */
function reviewViewFor(view: TAssignmentView, editors: MediaEditors): MediaEditor['Review'] | null {
  const shows = hearsSegments(view) || watchesTracks(view) || showsShapes(view);
  return (shows && editors[view.asset.kind]?.Review) || null;
}

function InactiveNotice({
  view,
  holder,
  onNext,
  advancing,
}: {
  view: TAssignmentView;
  holder: boolean;
  onNext: () => Promise<void>;
  advancing: boolean;
}) {
  const status = view.assignment.status;
  const text = !holder
    ? 'You are looking at someone else’s item: read-only.'
    : status === 'SUBMITTED'
      ? 'You already finished this item.'
      : status === 'EXPIRED'
        ? 'Your lease on this item ran out and it went back to the queue.'
        : 'You gave this item back.';
  return (
    <Notice tone={holder && status === 'EXPIRED' ? 'warning' : 'info'}>
      <span className="flex flex-wrap items-center gap-3">
        {text}
        {holder && (
          <Button size="sm" variant="primary" pending={advancing} onClick={() => void onNext()}>
            Next item
          </Button>
        )}
      </span>
    </Notice>
  );
}

function NotYours({ slug, message }: { slug: string; message: string }) {
  return (
    <EmptyState title="You cannot open this item">
      {message}.{' '}
      <Link href={`/projects/${slug}/work`} className="text-accent-700 hover:underline">
        Back to your work
      </Link>
    </EmptyState>
  );
}
