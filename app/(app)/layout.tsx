import type { ReactNode } from 'react';
import { requirePageCtx } from '@/app/_lib/session';
import { AppShell } from '@/components/shell/app-shell';

// Every page below needs a session; pages render per request because they depend on it.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageCtx();
  return <AppShell user={ctx.actor}>{children}</AppShell>;
}
