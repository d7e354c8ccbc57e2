import type { ReactNode } from 'react';
import type { TRole } from '@/lib/schemas/project';
import { cx } from './cx';

const TONES = {
  neutral: 'bg-zinc-100 text-zinc-700 ring-zinc-200',
  accent: 'bg-accent-50 text-accent-700 ring-accent-100',
  green: 'bg-emerald-50 text-emerald-700 ring-emerald-200',
  amber: 'bg-amber-50 text-amber-800 ring-amber-200',
  red: 'bg-red-50 text-red-700 ring-red-200',
  blue: 'bg-sky-50 text-sky-700 ring-sky-200',
};
export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = 'neutral', children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return (
    <span
      className={cx(
        'inline-flex items-center rounded px-1.5 py-0.5 text-[11px] font-medium ring-1 ring-inset',
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}

const ROLE_TONES: Record<TRole, BadgeTone> = { OWNER: 'accent', DATA_LEAD: 'blue', REVIEWER: 'amber', ANNOTATOR: 'neutral' };
export const ROLE_LABELS: Record<TRole, string> = {
  OWNER: 'Owner',
  DATA_LEAD: 'Data lead',
  REVIEWER: 'Reviewer',
  ANNOTATOR: 'Annotator',
};

export function RoleBadge({ role }: { role: TRole }) {
  return <Badge tone={ROLE_TONES[role]}>{ROLE_LABELS[role]}</Badge>;
}
