import type { ReactNode } from 'react';

/** The centred card of the signed-out pages (sign-in, accepting an invitation). */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  return (
    <div className="grid min-h-screen place-items-center bg-zinc-100 px-4">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2">
          <span className="grid size-7 place-items-center rounded-md bg-accent-600 text-sm font-bold text-white" aria-hidden>
            L
          </span>
          <span className="text-base font-semibold tracking-tight">Loupe</span>
        </div>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm">
          <h1 className="text-base font-semibold text-zinc-900">{title}</h1>
          {subtitle && <div className="mt-1 text-sm text-zinc-500">{subtitle}</div>}
          <div className="mt-5">{children}</div>
        </div>
      </div>
    </div>
  );
}
