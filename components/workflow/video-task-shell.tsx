'use client';

import { VideoLabelWorkspace } from '../annotate/video/video-label-workspace';
import { VideoReviewView } from '../annotate/video/video-review-view';
import { TaskShell, type TaskShellProps } from './task-shell';

export const VIDEO_EDITORS = {
  VIDEO: { Label: VideoLabelWorkspace, Review: VideoReviewView },
};

/** The task shell for an item the page knows is a video: only that editor’s code is sent. */
export const VideoTaskShell = (props: TaskShellProps) => <TaskShell {...props} editors={VIDEO_EDITORS} />;
