import Link from 'next/link';
import type { ReactNode } from 'react';
import { NavLink } from './nav-link';
import { UserMenu } from './user-menu';

const ITEM =
  'flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 ' +
  'data-[active]:bg-white data-[active]:text-zinc-900 data-[active]:font-medium data-[active]:shadow-xs data-[active]:ring-1 data-[active]:ring-zinc-200';

interface ShellUser {
  name: string;
  email: string;
  isSiteAdmin: boolean;
}

/** The frame of every signed-in page: left navigation, user menu at the bottom, content on the right. */
export function AppShell({ user, children }: { user: ShellUser; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-zinc-200 bg-zinc-100/70">
        <Link href="/projects" className="flex items-center gap-2 px-4 pt-4 pb-5">
          <span className="grid size-6 place-items-center rounded-md bg-accent-600 text-xs font-bold text-white" aria-hidden>
            L
          </span>
          <span className="text-sm font-semibold tracking-tight text-zinc-900">Loupe</span>
        </Link>
        <nav className="flex-1 space-y-4 px-2" aria-label="Main">
          <div className="space-y-0.5">
            <NavLink href="/projects" className={ITEM}>
              Projects
            </NavLink>
          </div>
          <NavGroup title="Settings">
            <NavLink href="/settings/tokens" className={ITEM}>
              API tokens
            </NavLink>
          </NavGroup>
          <NavGroup title="Developers">
            <NavLink href="/api-docs" className={ITEM}>
              API docs
            </NavLink>
          </NavGroup>
          {user.isSiteAdmin && (
            <NavGroup title="Admin">
              <NavLink href="/ops" className={ITEM}>
                Ops
              </NavLink>
            </NavGroup>
          )}
        </nav>
        <UserMenu name={user.name} email={user.email} />
      </aside>
      <main className="min-w-0 flex-1">
        <div className="mx-auto max-w-6xl px-8 py-6">{children}</div>
      </main>
    </div>
  );
}

function NavGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div>
      <p className="px-2 pb-1 text-[11px] font-medium tracking-wide text-zinc-400 uppercase">{title}</p>
      <div className="space-y-0.5">{children}</div>
    </div>
  );
}
