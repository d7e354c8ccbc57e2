'use client';

import { useMemo, useState } from 'react';
import { diffRegions } from '@/lib/annotate/diff-regions';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { TAnnotationView, TAssignmentView } from '@/lib/schemas/workflow';

const NONE = '';
const LEGEND = [
  ['added', 'bg-green-600'],
  ['changed', 'bg-amber-600'],
  ['removed', 'bg-red-600'],
] as const;

/** What the task shell gives a review view, whatever the media. */
export interface ReviewViewProps {
  slug: string;
  asset: TAssignmentView['asset'];
  /** The annotations judged. */
  subjects: readonly TAnnotationView[];
  /** Earlier versions worth comparing with (e.g. a rejected revision). */
  others: readonly TAnnotationView[];
  classes: readonly TTaxonomyClass[];
}

/**
 * Which annotation a review view shows, and which other version it is compared with: the same for
 * every editor's review. `diff` is null while nothing is compared.
 */
export function useVersionCompare(subjects: readonly TAnnotationView[], others: readonly TAnnotationView[]) {
  const choices = [...subjects, ...others];
  const [shownId, setShownId] = useState(subjects[0]?.id ?? NONE);
  const [compareId, setCompareId] = useState(NONE);
  const shown = choices.find((a) => a.id === shownId) ?? subjects[0];
  const compared = choices.find((a) => a.id === compareId && a.id !== shown?.id) ?? null;
  const diff = useMemo(() => (shown && compared ? diffRegions(shown.regions, compared.regions) : null), [shown, compared]);
  const bar = (
    <VersionCompareBar
      choices={choices}
      shown={shown ?? null}
      compareId={compareId}
      onShow={setShownId}
      onCompare={setCompareId}
      counts={diff ? countChanges(diff.changes) : null}
    />
  );
  return { shown, compared, diff, bar };
}

function countChanges(changes: ReadonlyMap<string, string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of changes.values()) counts[c] = (counts[c] ?? 0) + 1;
  return counts;
}

function VersionCompareBar({
  choices,
  shown,
  compareId,
  onShow,
  onCompare,
  counts,
}: {
  choices: readonly TAnnotationView[];
  shown: TAnnotationView | null;
  compareId: string;
  onShow: (id: string) => void;
  onCompare: (id: string) => void;
  counts: Record<string, number> | null;
}) {
  const label = (a: TAnnotationView) => `${a.author.name} · ${a.passName} v${a.version}`;
  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-2 py-1.5 text-xs text-zinc-700">
      <label className="flex items-center gap-1">
        Showing
        <select
          className="rounded border border-zinc-300 px-1 py-0.5"
          value={shown?.id ?? NONE}
          onChange={(e) => onShow(e.target.value)}
        >
          {choices.map((a) => (
            <option key={a.id} value={a.id}>
              {label(a)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1">
        Compare with
        <select
          className="rounded border border-zinc-300 px-1 py-0.5"
          value={compareId}
          onChange={(e) => onCompare(e.target.value)}
        >
          <option value={NONE}>nothing</option>
          {choices
            .filter((a) => a.id !== shown?.id)
            .map((a) => (
              <option key={a.id} value={a.id}>
                {label(a)}
              </option>
            ))}
        </select>
      </label>
      {counts && (
        <span className="flex items-center gap-2" aria-label="Legend">
          {LEGEND.map(([name, color]) => (
            <span key={name} className="flex items-center gap-1">
              <span className={`size-2.5 rounded-sm ${color}`} aria-hidden />
              {name} ({counts[name] ?? 0})
            </span>
          ))}
        </span>
      )}
    </div>
  );
}
