'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import { errorMessage } from '@/lib/api/client';
import { Button } from '../ui/button';
import { Field, Textarea } from '../ui/field';

export interface ReasonRequest {
  title: string;
  description: string;
  confirmLabel: string;
  /** Runs with the trimmed reason; a throw keeps the dialog open with the message. */
  onConfirm: (reason: string) => Promise<unknown>;
}

/** A modal that asks why (skip, flag, reject, escalate) and runs the action; open while `request` is set. */
export function ReasonDialog({ request, onClose }: { request: ReasonRequest | null; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (request && !dialog.current?.open) {
      setReason('');
      setError(null);
      dialog.current?.showModal();
    }
    if (!request && dialog.current?.open) dialog.current.close();
  }, [request]);

  async function confirm(event: Pick<FormEvent, 'preventDefault'>) {
    event.preventDefault();
    if (!request) return;
    if (!reason.trim()) {
      setError('Say why, so the next person understands.');
      return;
    }
    setPending(true);
    setError(null);
    try {
      await request.onConfirm(reason.trim());
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl"
    >
      <form onSubmit={confirm}>
        <div className="space-y-3 px-5 pt-4 pb-3">
          <h2 className="text-base font-semibold">{request?.title}</h2>
          <p className="text-sm text-zinc-600">{request?.description}</p>
          <Field label="Reason" error={error ?? undefined}>
            <Textarea
              rows={3}
              value={reason}
              invalid={!!error}
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => {
                // Enter sends, as everywhere in the shell; Shift+Enter starts a new line.
                if (e.key === 'Enter' && !e.shiftKey) void confirm(e);
              }}
              maxLength={2000}
              autoFocus
            />
          </Field>
        </div>
        <div className="flex justify-end gap-2 border-t border-zinc-100 bg-zinc-50 px-5 py-3">
          <Button onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" pending={pending}>
            {request?.confirmLabel}
          </Button>
        </div>
      </form>
    </dialog>
  );
}
