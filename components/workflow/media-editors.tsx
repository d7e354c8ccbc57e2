import dynamic from 'next/dynamic';
import type { ComponentType, ReactNode } from 'react';
import type { TAssetKind } from '@/lib/schemas/asset';
import type { ReviewViewProps } from '../annotate/version-compare-bar';
import { LoadingState } from '../ui/states';
import type { PanelProps } from './panel-props';

/** One medium's editor (a label pass) and read-only view (review and adjudication). */
export interface MediaEditor {
  Label: ComponentType<PanelProps & { comments: ReactNode }>;
  Review: ComponentType<ReviewViewProps>;
}

/**
 * The editors a task shell can open; a medium missing here falls back to the plain media pane. Each
 * medium's editor is a large bundle (konva, wavesurfer.js, video.js) in a chunk of its own, and the
 * work page renders the shell of its item's medium only (see the *-task-shell modules).
 */
export type MediaEditors = Partial<Record<TAssetKind, MediaEditor>>;

/**
 * An editor whose code comes in its own chunk. The caller starts the downloads as its module runs
 * (at page load), so they go alongside the item's JSON instead of after it.
 */
export function lazyEditor(label: Promise<MediaEditor['Label']>, review: Promise<MediaEditor['Review']>): MediaEditor {
  return { Label: dynamic(() => label, { loading: EditorLoading }), Review: dynamic(() => review, { loading: EditorLoading }) };
}

function EditorLoading() {
  return <LoadingState label="Loading the editor…" />;
}
