'use client';

import { lazyEditor } from './media-editors';
import { TaskShell, type TaskShellProps } from './task-shell';

export const AUDIO_EDITORS = {
  AUDIO: lazyEditor(
    import('../annotate/audio/audio-label-workspace').then((m) => m.AudioLabelWorkspace),
    import('../annotate/audio/audio-review-view').then((m) => m.AudioReviewView),
  ),
};

/** The task shell for an item the page knows is a recording: only that editor's code is fetched. */
export const AudioTaskShell = (props: TaskShellProps) => <TaskShell {...props} editors={AUDIO_EDITORS} />;
