'use client';

import { lazyEditor } from './media-editors';
import { TaskShell, type TaskShellProps } from './task-shell';

export const VIDEO_EDITORS = {
  VIDEO: lazyEditor(
    import('../annotate/video/video-label-workspace').then((m) => m.VideoLabelWorkspace),
    import('../annotate/video/video-review-view').then((m) => m.VideoReviewView),
  ),
};

/** The task shell for an item the page knows is a video: only that editor's code is fetched. */
export const VideoTaskShell = (props: TaskShellProps) => <TaskShell {...props} editors={VIDEO_EDITORS} />;
