'use client';

import { useState } from 'react';
import { Button } from './button';

export function CopyButton({ text, label = 'Copy' }: { text: string; label?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      // Clipboard access needs a secure context or a permission; the text stays selectable either way.
      setState('failed');
    }
    setTimeout(() => setState('idle'), 2000);
  }

  return (
    <Button size="sm" onClick={copy}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy' : label}
    </Button>
  );
}

/** A read-only, monospace line with a copy button: for secrets and links that are shown once. */
export function CopyField({ value, label }: { value: string; label: string }) {
  return (
    <div className="flex items-center gap-2">
      <input
        readOnly
        aria-label={label}
        value={value}
        onFocus={(e) => e.currentTarget.select()}
        className="h-8 min-w-0 flex-1 rounded-md border border-zinc-300 bg-zinc-50 px-2.5 font-mono text-xs text-zinc-800"
      />
      <CopyButton text={value} />
    </div>
  );
}
