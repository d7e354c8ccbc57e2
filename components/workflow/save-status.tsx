import type { SaveStatus } from './use-annotation-editor';

const TEXT: Record<SaveStatus, string> = {
  saved: 'All changes saved',
  dirty: 'Unsaved changes',
  saving: 'Saving…',
  conflict: 'Not saved: changed elsewhere',
  'signed-out': 'Not saved: signed out',
  error: 'Not saved',
};

const TONE: Record<SaveStatus, string> = {
  saved: 'text-zinc-500',
  dirty: 'text-amber-700',
  saving: 'text-zinc-500',
  conflict: 'text-red-700',
  'signed-out': 'text-red-700',
  error: 'text-red-700',
};

export function SaveStatusText({ status }: { status: SaveStatus }) {
  return (
    <span className={`text-xs ${TONE[status]}`} data-testid="save-status" role="status">
      {TEXT[status]}
    </span>
  );
}
