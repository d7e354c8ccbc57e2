'use client';

import { AudioLabelWorkspace } from '../annotate/audio/audio-label-workspace';
import { AudioReviewView } from '../annotate/audio/audio-review-view';
import { TaskShell, type TaskShellProps } from './task-shell';

export const AUDIO_EDITORS = {
  AUDIO: { Label: AudioLabelWorkspace, Review: AudioReviewView },
};

/** The task shell for an item the page knows is a recording: only that editor’s code is sent. */
export const AudioTaskShell = (props: TaskShellProps) => <TaskShell {...props} editors={AUDIO_EDITORS} />;
