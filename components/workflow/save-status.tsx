import { conflictMessage } from './conflict-message';
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

/** `error`: the failed save's, which says why a conflict happened (someone else, or the taxonomy). */
export function SaveStatusText({ status, error }: { status: SaveStatus; error: unknown }) {
  const conflict = status === 'conflict' ? conflictMessage(error) : null;
  return (
    <span className={`text-xs ${TONE[status]}`} data-testid="save-status" role="status">
      {conflict?.status ?? TEXT[status]}
    </span>
  );
}
