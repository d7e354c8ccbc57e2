'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type JSX,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { EditorRegion } from '@/lib/annotate/patch';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { Input, Select } from '@/components/ui/field';
import { DeprecatedBadge } from '../deprecated-badge';
import { EyeIcon, EyeOffIcon, FlagButton, LockIcon, UnlockIcon } from './region-flag-button';
import { ALL_CLASSES, buildSearchIndex, countByClass, filterRegions, GEOMETRY_LABELS, UNKNOWN_CLASS } from './region-list-filter';

export interface RegionListProps {
  /** The document in z-order (later = on top); shown topmost first. Can be 10,000+. */
  regions: readonly EditorRegion[];
  classes: readonly TTaxonomyClass[];
  /** Region ids. */
  selected: ReadonlySet<string>;
  /** regionId -> readable messages (may be empty). */
  problems: ReadonlyMap<string, string[]>;
  readOnly: boolean;
  /** Click = replace, ctrl/cmd-click = toggle, shift-click = add the range from the last clicked row. */
  onSelect: (ids: string[], mode: 'replace' | 'toggle' | 'add') => void;
  onFlag: (ids: string[], flag: 'hidden' | 'locked', on: boolean) => void;
  /** Optional: the diff status per region in review mode, shown as a badge */
  diff?: ReadonlyMap<string, 'added' | 'removed' | 'changed'>;
}

const ROW = 32;
const NUMBER = new Intl.NumberFormat('en');
const UNKNOWN_COLOR = '#a1a1aa';
const DIFF_TONES = { added: 'green', removed: 'red', changed: 'amber' } as const;

/**
 * The image's regions as a virtualized listbox (topmost first, as they stack on the canvas), with a
 * search and a class filter. Selecting here selects on the canvas; a region selected on the canvas
 * is scrolled into view. Arrow keys move through the list while it has focus; the editor's other
 * keys (Delete, H, L, …) still act on the selection.
 */
export function RegionList({
  regions,
  classes,
  selected,
  problems,
  readOnly,
  onSelect,
  onFlag,
  diff,
}: RegionListProps): JSX.Element {
  const listId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [classFilter, setClassFilter] = useState(ALL_CLASSES);
  const deferredQuery = useDeferredValue(query);

  const classById = useMemo(() => new Map(classes.map((c) => [c.id, c])), [classes]);
  const index = useMemo(() => buildSearchIndex(regions, classes), [regions, classes]);
  const counts = useMemo(() => countByClass(regions), [regions]);
  const unknownCount = regions.length - classes.reduce((sum, c) => sum + (counts.get(c.id) ?? 0), 0);
  const matches = useMemo(
    () => filterRegions(regions, classes, deferredQuery, classFilter, index),
    [regions, classes, deferredQuery, classFilter, index],
  );
  const filtered = deferredQuery.trim() !== '' || classFilter !== ALL_CLASSES;
  const count = matches.length;

  // Row 0 is the topmost match: the last of `matches`, which is in z-order.
  const regionAt = useCallback((row: number) => regions[matches[count - 1 - row]!]!, [regions, matches, count]);
  const rowOf = useCallback(
    (id: string): number => {
      const i = regions.findIndex((r) => r.id === id);
      if (i < 0) return -1;
      // `matches` is ascending: binary search for the region's position.
      let lo = 0;
      let hi = count - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (matches[mid] === i) return count - 1 - mid;
        if (matches[mid]! < i) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    },
    [regions, matches, count],
  );

  const getItemKey = useCallback((row: number) => regionAt(row).id, [regionAt]);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 8,
    getItemKey,
  });

  // The row shift-click extends from, and the row the arrow keys move from.
  const anchor = useRef<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const activeRow = activeId !== null ? rowOf(activeId) : -1;

  // A single region selected elsewhere (the canvas) is scrolled into view unless it already is.
  const seen = useRef<ReadonlySet<string> | null>(null);
  useEffect(() => {
    if (seen.current === selected) return;
    seen.current = selected;
    if (selected.size !== 1) return;
    const [id] = selected;
    anchor.current = id!;
    const row = rowOf(id!);
    const el = scroller.current;
    if (row < 0 || !el) return;
    const top = row * ROW;
    const bottom = top + ROW;
    if (top >= el.scrollTop && bottom <= el.scrollTop + el.clientHeight) return;
    // Partly in view: the least scroll that shows it; far away: in the middle, with its neighbours.
    const near = bottom > el.scrollTop && top < el.scrollTop + el.clientHeight;
    virtualizer.scrollToIndex(row, { align: near ? 'auto' : 'center' });
  }, [selected, rowOf, virtualizer]);

  function rangeIds(from: number, to: number): string[] {
    const ids: string[] = [];
    for (let row = Math.min(from, to); row <= Math.max(from, to); row++) ids.push(regionAt(row).id);
    return ids;
  }

  function clickRow(row: number, event: MouseEvent) {
    const id = regionAt(row).id;
    setActiveId(id);
    const from = event.shiftKey && anchor.current !== null ? rowOf(anchor.current) : -1;
    if (from >= 0) return onSelect(rangeIds(from, row), 'add');
    anchor.current = id;
    onSelect([id], event.metaKey || event.ctrlKey ? 'toggle' : 'replace');
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Keys on the row buttons are theirs (Space presses them).
    if (event.target !== event.currentTarget || count === 0) return;
    // From the row last moved to, unless the selection has since changed elsewhere (the canvas).
    const [only] = selected.size === 1 ? selected : [];
    const from = activeRow >= 0 && selected.has(activeId!) ? activeRow : only !== undefined ? rowOf(only) : activeRow;
    let to: number;
    if (event.key === 'ArrowDown') to = from < 0 ? 0 : Math.min(count - 1, from + 1);
    else if (event.key === 'ArrowUp') to = from < 0 ? 0 : Math.max(0, from - 1);
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = count - 1;
    else if (event.key === ' ' && from >= 0) {
      event.preventDefault();
      const id = regionAt(from).id;
      anchor.current = id;
      setActiveId(id);
      onSelect([id], 'toggle');
      return;
    } else return;
    // Handled here: the editor's shortcuts skip prevented events, so the arrows do not also nudge.
    event.preventDefault();
    const id = regionAt(to).id;
    setActiveId(id);
    virtualizer.scrollToIndex(to, { align: 'auto' });
    if (event.shiftKey && anchor.current !== null && rowOf(anchor.current) >= 0)
      onSelect(rangeIds(rowOf(anchor.current), to), 'add');
    else {
      anchor.current = id;
      onSelect([id], 'replace');
    }
  }

  function clearFilter() {
    setQuery('');
    setClassFilter(ALL_CLASSES);
  }

  const items = virtualizer.getVirtualItems();
  const activeRendered = activeRow >= 0 && items.some((item) => item.index === activeRow);

  return (
    <div className="space-y-2">
      <div className="flex items-baseline gap-2">
        <h3 className="text-sm font-semibold text-zinc-900">Regions</h3>
        <span className="text-xs text-zinc-500 tabular-nums" data-testid="region-count">
          {filtered ? `${NUMBER.format(count)} of ${NUMBER.format(regions.length)}` : NUMBER.format(regions.length)}
        </span>
      </div>
      {regions.length > 0 && (
        <div className="flex gap-1.5">
          {/* The controls are w-full: their wrappers size them. */}
          <div className="min-w-0 flex-1">
            <Input
              compact
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Escape') return;
                if (query) setQuery('');
                else e.currentTarget.blur();
              }}
              placeholder="Search class, id, attribute"
              aria-label="Search regions"
            />
          </div>
          <div className="w-32 shrink-0">
            <Select compact value={classFilter} onChange={(e) => setClassFilter(e.target.value)} aria-label="Filter regions">
              <option value={ALL_CLASSES}>All classes</option>
              {classes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({NUMBER.format(counts.get(c.id) ?? 0)})
                </option>
              ))}
              {(unknownCount > 0 || classFilter === UNKNOWN_CLASS) && (
                <option value={UNKNOWN_CLASS}>Unknown class ({NUMBER.format(unknownCount)})</option>
              )}
            </Select>
          </div>
        </div>
      )}
      {regions.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 px-3 py-4 text-center text-xs text-zinc-500">
          No regions yet. Draw one with B (box), P (polygon) or K (keypoints).
        </p>
      ) : count === 0 ? (
        <div className="rounded-md border border-dashed border-zinc-300 px-3 py-4 text-center text-xs text-zinc-500">
          <p>No region matches.</p>
          <Button size="sm" className="mt-2" onClick={clearFilter}>
            Clear filter
          </Button>
        </div>
      ) : null}
      <div
        ref={scroller}
        role="listbox"
        aria-label="Regions"
        aria-multiselectable
        aria-activedescendant={activeRendered ? `${listId}-${activeRow}` : undefined}
        tabIndex={count > 0 ? 0 : -1}
        onKeyDown={onKeyDown}
        data-testid="region-list"
        data-rendered-rows={items.length}
        className={cx(
          'group max-h-[40vh] overflow-y-auto rounded-md focus-visible:outline-2 focus-visible:outline-accent-500',
          count > 0 && 'border border-zinc-200',
          deferredQuery !== query && 'opacity-70',
        )}
      >
        <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const region = regionAt(item.index);
            return (
              <RegionRow
                key={item.key}
                id={`${listId}-${item.index}`}
                row={item.index}
                top={item.start}
                count={count}
                region={region}
                klass={classById.get(region.classId)}
                selected={selected.has(region.id)}
                active={item.index === activeRow}
                problems={problems.get(region.id)}
                change={diff?.get(region.id)}
                readOnly={readOnly}
                onClick={clickRow}
                onFlag={onFlag}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

function RegionRow({
  id,
  row,
  top,
  count,
  region,
  klass,
  selected,
  active,
  problems,
  change,
  readOnly,
  onClick,
  onFlag,
}: {
  id: string;
  row: number;
  top: number;
  count: number;
  region: EditorRegion;
  klass: TTaxonomyClass | undefined;
  selected: boolean;
  active: boolean;
  problems: string[] | undefined;
  change: 'added' | 'removed' | 'changed' | undefined;
  readOnly: boolean;
  onClick: (row: number, event: MouseEvent) => void;
  onFlag: RegionListProps['onFlag'];
}) {
  const hidden = Boolean(region.hidden);
  const locked = Boolean(region.locked);
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      aria-posinset={row + 1}
      aria-setsize={count}
      data-region-id={region.id}
      onClick={(e) => onClick(row, e)}
      // Shift-click would otherwise select the text between the two rows.
      onMouseDown={(e) => e.shiftKey && e.preventDefault()}
      className={cx(
        'absolute inset-x-0 flex cursor-default items-center gap-1.5 border-b border-zinc-100 px-2 text-xs select-none',
        selected ? 'bg-accent-50' : 'bg-white hover:bg-zinc-50',
        active && 'group-focus-visible:ring-1 group-focus-visible:ring-accent-500 group-focus-visible:ring-inset',
      )}
      style={{ top, height: ROW }}
    >
      <span className={cx('flex min-w-0 flex-1 items-center gap-1.5', hidden && 'opacity-50')}>
        <span className="size-2.5 shrink-0 rounded-sm" style={{ backgroundColor: klass?.color ?? UNKNOWN_COLOR }} aria-hidden />
        <span
          className={cx('min-w-0 truncate', klass ? 'text-zinc-900' : 'text-red-700', change === 'removed' && 'line-through')}
        >
          {klass?.name ?? 'Unknown class'}
        </span>
        <DeprecatedBadge deprecated={klass?.deprecated} />
        <span className="shrink-0 text-zinc-500">{GEOMETRY_LABELS[region.type] ?? region.type}</span>
        <span className="shrink-0 font-mono text-[11px] text-zinc-400">{region.id.slice(0, 6)}</span>
        {hidden && <span className="sr-only">(hidden)</span>}
        {locked && <span className="sr-only">(locked)</span>}
      </span>
      {problems && problems.length > 0 && (
        <span className="flex shrink-0 items-center" title={problems.join('\n')} data-testid="region-problem">
          <span className="size-2 rounded-full bg-red-600" aria-hidden />
          <span className="sr-only">
            {problems.length === 1 ? 'Problem' : `${problems.length} problems`}: {problems.join('; ')}
          </span>
        </span>
      )}
      {change && (
        <Badge tone={DIFF_TONES[change]} className={cx('shrink-0', change === 'removed' && 'line-through')}>
          {change}
        </Badge>
      )}
      <FlagButton
        label={hidden ? 'Show region' : 'Hide region'}
        pressed={hidden}
        disabled={readOnly || locked}
        title={locked ? 'Unlock the region to hide or show it' : undefined}
        onPress={() => onFlag([region.id], 'hidden', !hidden)}
      >
        {hidden ? <EyeOffIcon /> : <EyeIcon />}
      </FlagButton>
      <FlagButton
        label={locked ? 'Unlock region' : 'Lock region'}
        pressed={locked}
        disabled={readOnly}
        onPress={() => onFlag([region.id], 'locked', !locked)}
      >
        {locked ? <LockIcon /> : <UnlockIcon />}
      </FlagButton>
    </div>
  );
}
