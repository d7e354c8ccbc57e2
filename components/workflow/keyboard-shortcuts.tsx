'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, buttonClass } from '../ui/button';

export interface Shortcut {
  /**
   * `event.key` lower-cased (a letter, digit, `enter`, `delete`, `arrowleft`, `space`…), after the
   * modifiers it needs: `mod+` (Ctrl, or Cmd on a Mac), `alt+`, `shift+` (letters and named keys only:
   * Shift+1 is `!`). For example `mod+shift+z`.
   */
  key: string;
  label: string;
  /** Returns false when the key did nothing here, so the browser keeps its default. */
  run: () => void | boolean;
  /** Works on a read-only item too (zoom, fit): it changes what one sees, not the item. */
  always?: boolean;
}

/** The shortcut name of a key press, in the form `Shortcut.key` uses. */
export function comboOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string {
  const key = event.key === ' ' ? 'space' : event.key.toLowerCase();
  const named = key.length > 1 || /^[a-z]$/.test(key);
  return [
    event.ctrlKey || event.metaKey ? 'mod' : null,
    event.altKey ? 'alt' : null,
    event.shiftKey && named ? 'shift' : null,
    key,
  ]
    .filter(Boolean)
    .join('+');
}

const KEY_NAMES: Record<string, string> = {
  mod: 'Ctrl',
  enter: 'Enter',
  escape: 'Esc',
  delete: 'Del',
  backspace: '⌫',
  space: 'Space',
  arrowleft: '←',
  arrowright: '→',
  arrowup: '↑',
  arrowdown: '↓',
};

/** How a shortcut reads in the help overlay: `mod+shift+z` → Ctrl+Shift+Z. */
export function keyLabel(key: string): string {
  return key
    .split('+')
    .map((part) => KEY_NAMES[part] ?? (part.length === 1 ? part.toUpperCase() : part[0]!.toUpperCase() + part.slice(1)))
    .join('+');
}

// Keys typed into a field belong to the field, and an open dialog (a reason prompt) owns the keyboard.
function ignored(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing) return true;
  const target = event.target as HTMLElement | null;
  if (target?.closest('textarea, select, [contenteditable="true"]')) return true;
  // A ticked checkbox or radio keeps focus, but takes no letters: the keys still work there.
  if (target instanceof HTMLInputElement && !['checkbox', 'radio'].includes(target.type)) return true;
  // Enter on a focused button already clicks it. A button left focused inside a dialog that just
  // closed (Escape) is hidden: Enter there belongs to the shortcuts, however quickly it follows.
  if (event.key === 'Enter' && target?.closest('button, a') && !target.closest('dialog:not([open])')) return true;
  return document.querySelector('dialog[open]') !== null;
}

/**
 * Binds the task shell's keys while `enabled`, and shows them in an overlay on `?`. A second set on
 * the same page (a review view's playback keys beside the review panel's) binds with `help={false}`:
 * `?` opens one overlay per page; the second set's own opens from its button.
 */
export function KeyboardShortcuts({
  shortcuts,
  enabled,
  help = true,
}: {
  shortcuts: Shortcut[];
  enabled: boolean;
  help?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const latest = useRef(shortcuts);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    latest.current = shortcuts;
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (ignored(event)) return;
      if (event.key === '?') {
        if (!help) return;
        event.preventDefault();
        setOpen(true);
        return;
      }
      const combo = comboOf(event);
      const shortcut = latest.current.find((s) => s.key === combo);
      if (!shortcut || (!enabled && !shortcut.always)) return;
      if (shortcut.run() !== false) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, help]);

  useEffect(() => {
    if (open && !dialog.current?.open) {
      dialog.current?.showModal();
      // React does not render `autofocus`, so the modal would focus the scrolling list first.
      close.current?.focus();
    }
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);

  return (
    <>
      {help ? (
        <Button size="sm" variant="ghost" onClick={() => setOpen(true)} aria-keyshortcuts="?">
          Keys <Kbd>?</Kbd>
        </Button>
      ) : (
        <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
          Player keys
        </Button>
      )}
      <dialog
        ref={dialog}
        onClose={() => {
          // Focus would stay on the hidden Close button, where Enter does not reach the shortcuts.
          if (dialog.current?.contains(document.activeElement)) (document.activeElement as HTMLElement).blur();
          setOpen(false);
        }}
        aria-label="Keyboard shortcuts"
        className="m-auto w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl"
      >
        <div className="px-5 pt-4 pb-2">
          <h2 className="text-base font-semibold">Keyboard shortcuts</h2>
          {!enabled && <p className="text-xs text-zinc-500">This item is read-only: only the help key works.</p>}
        </div>
        <dl className="max-h-[60vh] overflow-y-auto px-5 pb-3 text-sm">
          {[...shortcuts, { key: '?', label: 'This help' }].map((s) => (
            <div key={s.key} className="flex items-center justify-between gap-4 border-b border-zinc-100 py-1.5 last:border-0">
              <dt className="text-zinc-700">{s.label}</dt>
              <dd>
                <Kbd>{keyLabel(s.key)}</Kbd>
              </dd>
            </div>
          ))}
        </dl>
        <div className="flex justify-end border-t border-zinc-100 bg-zinc-50 px-5 py-3">
          <button ref={close} type="button" className={buttonClass()} onClick={() => setOpen(false)}>
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}

export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="inline-grid min-w-5 place-items-center rounded border border-zinc-300 bg-zinc-50 px-1 font-mono text-[11px] text-zinc-700 shadow-[0_1px_0_#d4d4d8]">
      {children}
    </kbd>
  );
}
