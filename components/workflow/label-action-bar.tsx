'use client';

import type { ReactNode } from 'react';
import { Button } from '../ui/button';
import { ActionError } from './action-error';
import { SignedOutNotice } from './signed-out-notice';
import type { useAnnotationEditor } from './use-annotation-editor';
import type { LabelActions } from './use-label-actions';

/**
 * The foot of a label panel: save failures with a retry, submit, skip, flag, and why submitting is
 * not possible yet. `extra` holds the editor's own buttons (Clear…).
 */
export function LabelActionBar({
  actions,
  editor,
  active,
  canSubmit,
  blocked,
  onReload,
  extra,
}: {
  actions: LabelActions;
  editor: ReturnType<typeof useAnnotationEditor>;
  active: boolean;
  canSubmit: boolean;
  /** Why Submit is disabled (shown under the buttons), or null. */
  blocked: string | null;
  onReload: () => void;
  extra?: ReactNode;
}) {
  return (
    <>
      {editor.status === 'signed-out' && <SignedOutNotice />}
      <ActionError error={editor.status === 'conflict' || editor.status === 'error' ? editor.error : null} onReload={onReload} />
      {editor.status === 'error' && (
        <Button size="sm" onClick={() => void editor.flush()}>
          Retry saving
        </Button>
      )}
      <ActionError error={actions.submit.error} onReload={onReload} />
      <div className="flex flex-wrap items-center gap-2 border-t border-zinc-100 pt-3">
        <Button
          variant="primary"
          pending={actions.busy}
          disabled={!active || !canSubmit || editor.status === 'conflict'}
          onClick={() => actions.submit.mutate()}
        >
          Submit
        </Button>
        {extra}
        <Button variant="ghost" disabled={!actions.canAct} onClick={actions.askSkip}>
          Skip…
        </Button>
        <Button variant="ghost" disabled={!actions.canAct} onClick={actions.askFlag}>
          Flag…
        </Button>
      </div>
      {active && blocked && <p className="text-xs text-zinc-500">{blocked}</p>}
      {actions.dialog}
    </>
  );
}
