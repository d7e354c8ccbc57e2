import { ApiError } from '@/lib/api/client';

// A 409 from a save or an action stops the editor until a reload: what happened decides what the
// annotator is told. Most often someone else acted on the item; a save made on a taxonomy version
// published since, which the new version cannot take (`TAXONOMY_CHANGED`), is no one's doing.

export interface ConflictMessage {
  /** The save status beside the classes. */
  status: string;
  title: string;
  /** What to do beyond the reload button, when there is more to say. */
  advice: string | null;
}

export function conflictMessage(error: unknown): ConflictMessage | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  if (error.code === 'TAXONOMY_CHANGED') {
    return {
      status: 'Not saved: taxonomy changed',
      title: 'The taxonomy changed while you worked.',
      advice:
        'Reload to continue on the new version. Your unsaved labels stay in this browser: after the reload you can use them again or discard them.',
    };
  }
  return {
    status: 'Not saved: changed elsewhere',
    title: 'Someone else changed this item while you had it open.',
    advice: null,
  };
}
