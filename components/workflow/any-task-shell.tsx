'use client';

import { AUDIO_EDITORS } from './audio-task-shell';
import { IMAGE_EDITORS } from './image-task-shell';
import { TaskShell, type TaskShellProps } from './task-shell';
import { VIDEO_EDITORS } from './video-task-shell';

const EDITORS = { ...IMAGE_EDITORS, ...AUDIO_EDITORS, ...VIDEO_EDITORS };

/** The task shell with every editor, for when the page could not tell the item's medium beforehand. */
export const AnyTaskShell = (props: TaskShellProps) => <TaskShell {...props} editors={EDITORS} />;
