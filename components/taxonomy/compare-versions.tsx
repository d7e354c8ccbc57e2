'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { TTaxonomy } from '@/lib/schemas/taxonomy';
import { buttonClass } from '../ui/button';

/** Two versions to compare: by default the one before the newest against the newest. */
export function CompareVersions({ slug, versions }: { slug: string; versions: TTaxonomy['versions'] }) {
  const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
  // Until one is picked, each follows the history (a draft saved meanwhile becomes the newest).
  const [picked, setPicked] = useState<{ from?: number; to?: number }>({});
  const from = picked.from ?? numbers.at(-2) ?? 1;
  const to = picked.to ?? numbers.at(-1) ?? 1;
  const setFrom = (n: number) => setPicked((p) => ({ ...p, from: n }));
  const setTo = (n: number) => setPicked((p) => ({ ...p, to: n }));
  if (numbers.length < 2) return null;
  const pick = (value: number, set: (n: number) => void, label: string) => (
    // A plain select: the form control's padding leaves no room for "v12" in a 14rem sidebar.
    <select
      aria-label={label}
      value={value}
      onChange={(e) => set(Number(e.target.value))}
      className="h-7 rounded-md border border-zinc-300 bg-white px-1 text-xs text-zinc-900 focus:border-accent-500 focus:outline-none"
    >
      {numbers.map((n) => (
        <option key={n} value={n}>
          v{n}
        </option>
      ))}
    </select>
  );
  return (
    <div
      className="flex items-center gap-1.5 border-t border-zinc-100 px-3 py-2 text-xs"
      role="group"
      aria-label="Compare versions"
    >
      {pick(from, setFrom, 'Compare from')}
      <span aria-hidden>→</span>
      {pick(to, setTo, 'Compare to')}
      <Link href={`/projects/${slug}/taxonomy/versions/${from}/diff/${to}`} className={buttonClass('secondary', 'sm')}>
        Compare
      </Link>
    </div>
  );
}
