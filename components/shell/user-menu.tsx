'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '../ui/button';

export function UserMenu({ name, email }: { name: string; email: string }) {
  const [pending, setPending] = useState(false);
  const initials = name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <div className="flex items-center gap-2 border-t border-zinc-200 px-3 py-3">
      <span
        className="grid size-7 shrink-0 place-items-center rounded-full bg-accent-100 text-[11px] font-semibold text-accent-700"
        aria-hidden
      >
        {initials || '?'}
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate text-xs font-medium text-zinc-900" data-testid="user-name">
          {name}
        </p>
        <p className="truncate text-[11px] text-zinc-500">{email}</p>
      </div>
      <Button
        size="sm"
        variant="ghost"
        pending={pending}
        onClick={() => {
          setPending(true);
          void signOut({ callbackUrl: '/signin' });
        }}
      >
        Sign out
      </Button>
    </div>
  );
}
