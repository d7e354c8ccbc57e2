'use client';

import { ImageLabelWorkspace } from '../annotate/image/image-label-workspace';
import { ImageReviewView } from '../annotate/image/image-review-view';
import { TaskShell, type TaskShellProps } from './task-shell';

export const IMAGE_EDITORS = {
  IMAGE: { Label: ImageLabelWorkspace, Review: ImageReviewView },
};

/** The task shell for an item the page knows is an image: only that editor’s code is sent. */
export const ImageTaskShell = (props: TaskShellProps) => <TaskShell {...props} editors={IMAGE_EDITORS} />;
