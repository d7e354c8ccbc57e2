'use client';

import { lazyEditor } from './media-editors';
import { TaskShell, type TaskShellProps } from './task-shell';

export const IMAGE_EDITORS = {
  IMAGE: lazyEditor(
    import('../annotate/image/image-label-workspace').then((m) => m.ImageLabelWorkspace),
    import('../annotate/image/image-review-view').then((m) => m.ImageReviewView),
  ),
};

/** The task shell for an item the page knows is an image: only that editor's code is fetched. */
export const ImageTaskShell = (props: TaskShellProps) => <TaskShell {...props} editors={IMAGE_EDITORS} />;
