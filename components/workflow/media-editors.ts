import type { ComponentType, ReactNode } from 'react';
import type { TAssetKind } from '@/lib/schemas/asset';
import type { ReviewViewProps } from '../annotate/version-compare-bar';
import type { PanelProps } from './panel-props';

/** One medium's editor (a label pass) and read-only view (review and adjudication). */
export interface MediaEditor {
  Label: ComponentType<PanelProps & { comments: ReactNode }>;
  Review: ComponentType<ReviewViewProps>;
}

/**
 * The editors a task shell can open; a medium missing here falls back to the plain media pane. Each
 * medium's editor is a large bundle (konva, wavesurfer.js, video.js): the work page renders the shell
 * of its item's medium only (see the *-task-shell modules), whose scripts carry that editor alone and
 * are named in the HTML, so they download with the page's own instead of after them.
 */
export type MediaEditors = Partial<Record<TAssetKind, MediaEditor>>;
