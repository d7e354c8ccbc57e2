'use client';

import { useId, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '@/lib/api/client';
import { Button } from './button';

interface ConfirmButtonProps {
  /** What the trigger button says. */
  children: ReactNode;
  title: string;
  body?: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  variant?: 'danger' | 'primary' | 'secondary';
  size?: 'sm' | 'md';
  disabled?: boolean;
}

/** A button that asks first in a modal <dialog>; a failed action keeps the dialog open with the reason. */
export function ConfirmButton({
  children,
  title,
  body,
  confirmLabel,
  onConfirm,
  variant = 'danger',
  size = 'sm',
  disabled,
}: ConfirmButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      dialog.current?.close();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <Button
        variant={variant === 'primary' ? 'primary' : variant}
        size={size}
        disabled={disabled}
        onClick={() => dialog.current?.showModal()}
      >
        {children}
      </Button>
      <dialog
        ref={dialog}
        className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl"
        onClose={() => setError(null)}
        aria-labelledby={titleId}
      >
        <div className="space-y-2 px-5 pt-4 pb-3">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          {body && <div className="text-sm text-zinc-600">{body}</div>}
          {error && (
            <p className="text-sm text-red-700" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className="flex justify-end gap-2 border-t border-zinc-100 bg-zinc-50 px-5 py-3">
          <Button onClick={() => dialog.current?.close()} disabled={pending}>
            Cancel
          </Button>
          <Button variant={variant === 'danger' ? 'danger' : 'primary'} pending={pending} onClick={confirm} autoFocus>
            {confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
