'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import type { Segment } from '@/lib/annotate/audio/segments';
import { formatTime } from '@/lib/annotate/audio/time-format';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { DeprecatedBadge } from '../deprecated-badge';
import type { SegmentField } from './audio-shortcuts';

export interface SegmentListHandle {
  /** Scrolls to the segment and puts the caret at the end of its transcript or speaker; false when it has no such field. */
  focusField: (id: string, field: SegmentField) => boolean;
}

export interface SegmentListProps {
  segments: readonly Segment[];
  classes: readonly TTaxonomyClass[];
  selected: ReadonlySet<string>;
  /** The segment under the playhead: highlighted, and kept in view while playing. */
  current: string | null;
  following: boolean;
  problems: ReadonlyMap<string, string[]>;
  /** Segments whose problems the annotator may mark intentional (no transcript, past the end, a doubled speaker). */
  waivable: ReadonlySet<string>;
  readOnly: boolean;
  /** Speakers already named in this file, offered while typing one. */
  speakers: readonly string[];
  /** Review: how each segment differs from the version compared with. */
  diff?: ReadonlyMap<string, 'added' | 'changed' | 'removed'>;
  onSelect: (id: string, additive: boolean) => void;
  onSeek: (t: number) => void;
  onText: (id: string, text: string) => void;
  onSpeaker: (id: string, speaker: string) => void;
  onIntentional: (id: string, on: boolean) => void;
  onEditStart: () => void;
  onEditEnd: () => void;
  ref?: Ref<SegmentListHandle>;
}

const ROW = 92;

/** Every segment in time order with its transcript: the annotator types here while the audio plays. */
export function SegmentList(props: SegmentListProps) {
  const { segments, classes, selected, current, following, problems, waivable, readOnly, speakers, ref } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const byClass = new Map(classes.map((c) => [c.id, c]));
  const virtualizer = useVirtualizer({
    count: segments.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 6,
    getItemKey: (i) => segments[i]!.id,
  });

  useImperativeHandle(ref, () => ({
    focusField: (id, field) => {
      const index = segments.findIndex((s) => s.id === id);
      const segment = segments[index];
      if (!segment) return false;
      if (field === 'speaker' && !byClass.get(segment.classId)?.attributes.some((a) => a.id === 'speaker')) return false;
      virtualizer.scrollToIndex(index, { align: 'auto' });
      // The row may only exist after the scroll has rendered it.
      requestAnimationFrame(() => {
        const box = scroller.current?.querySelector<HTMLTextAreaElement | HTMLInputElement>(
          `[data-segment-id="${CSS.escape(id)}"][data-field="${field}"]`,
        );
        box?.focus();
        box?.setSelectionRange(box.value.length, box.value.length);
      });
      return true;
    },
  }));

  // The transcript box follows playback.
  const currentIndex = current ? segments.findIndex((s) => s.id === current) : -1;
  useEffect(() => {
    if (following && currentIndex >= 0) virtualizer.scrollToIndex(currentIndex, { align: 'auto' });
  }, [following, currentIndex, virtualizer]);

  if (segments.length === 0)
    return (
      <p className="px-1 py-6 text-center text-sm text-zinc-500" data-testid="segment-list">
        No segments yet. Drag across the waveform, or press <b>I</b> and <b>O</b> at the playhead, to mark one.
      </p>
    );

  const listId = 'segment-speakers';
  return (
    <div ref={scroller} className="max-h-[28rem] overflow-y-auto" data-testid="segment-list">
      <datalist id={listId}>
        {speakers.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <ol className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const s = segments[row.index]!;
          const cls = byClass.get(s.classId);
          const flagged = problems.get(s.id) ?? [];
          const isSelected = selected.has(s.id);
          const hasSpeaker = cls?.attributes.some((a) => a.id === 'speaker') ?? false;
          return (
            <li
              key={row.key}
              data-testid="segment-row"
              data-segment-id={s.id}
              data-current={s.id === current || undefined}
              aria-selected={isSelected}
              className={`absolute inset-x-0 flex gap-2 border-b border-zinc-100 px-2 py-1.5 ${
                isSelected ? 'bg-accent-50' : s.id === current ? 'bg-amber-50' : ''
              }`}
              style={{ top: row.start, height: ROW }}
              onMouseDown={(e) => {
                if (!(e.target as HTMLElement).closest('input, textarea, button'))
                  props.onSelect(s.id, e.shiftKey || e.metaKey || e.ctrlKey);
              }}
            >
              <span className="mt-1 h-3 w-3 shrink-0 rounded-full" style={{ background: cls?.color ?? '#a1a1aa' }} aria-hidden />
              <div className="min-w-0 flex-1 space-y-1">
                <div className="flex items-center gap-2 text-xs">
                  <button
                    type="button"
                    className="font-mono text-zinc-600 tabular-nums hover:text-accent-700 hover:underline"
                    onClick={() => props.onSeek(s.start)}
                    title="Play from here"
                  >
                    {formatTime(s.start, 2)}–{formatTime(s.end, 2)}
                  </button>
                  <span className="font-medium text-zinc-800">{cls?.name ?? s.classId}</span>
                  <DeprecatedBadge deprecated={cls?.deprecated} />
                  {props.diff?.get(s.id) && <DiffBadge change={props.diff.get(s.id)!} />}
                  {hasSpeaker && (
                    <input
                      aria-label={`Speaker of the segment at ${formatTime(s.start, 2)}`}
                      list={listId}
                      className="h-6 w-28 rounded border border-zinc-200 px-1.5 text-xs"
                      placeholder="Speaker"
                      data-segment-id={s.id}
                      data-field="speaker"
                      value={String(s.attributes.speaker ?? '')}
                      readOnly={readOnly || s.locked}
                      onFocus={props.onEditStart}
                      onBlur={props.onEditEnd}
                      onChange={(e) => props.onSpeaker(s.id, e.target.value)}
                      onKeyDown={leaveOnEscape}
                    />
                  )}
                </div>
                <textarea
                  data-segment-id={s.id}
                  data-field="transcript"
                  aria-label={`Transcript of the segment at ${formatTime(s.start, 2)}`}
                  className="block h-9 w-full resize-none rounded border border-zinc-200 px-1.5 py-1 text-sm leading-snug"
                  placeholder={cls?.transcribed ? 'Transcript' : 'Transcript (optional)'}
                  value={s.text ?? ''}
                  readOnly={readOnly || s.locked}
                  onFocus={props.onEditStart}
                  onBlur={props.onEditEnd}
                  onChange={(e) => props.onText(s.id, e.target.value)}
                  onKeyDown={leaveOnEscape}
                />
                {(flagged.length > 0 || !!s.intentional) && (
                  <div className="flex items-center gap-2 text-[11px]">
                    {flagged.length > 0 && <span className="truncate text-red-700">{flagged.join('; ')}</span>}
                    {!readOnly && (waivable.has(s.id) || !!s.intentional) && (
                      <label className="ml-auto flex shrink-0 items-center gap-1 text-zinc-600">
                        <input
                          type="checkbox"
                          checked={!!s.intentional}
                          onChange={(e) => props.onIntentional(s.id, e.target.checked)}
                          className="accent-accent-600"
                        />
                        Intentional
                      </label>
                    )}
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

const DIFF_STYLES = {
  added: 'bg-green-100 text-green-800',
  changed: 'bg-amber-100 text-amber-900',
  removed: 'bg-red-100 text-red-800',
};

function DiffBadge({ change }: { change: keyof typeof DIFF_STYLES }) {
  return <span className={`rounded px-1 text-[10px] font-medium ${DIFF_STYLES[change]}`}>{change}</span>;
}

/** Escape leaves a field: the editor's keys work again, the segment stays selected. */
function leaveOnEscape(e: KeyboardEvent<HTMLElement>) {
  if (e.key === 'Escape') e.currentTarget.blur();
}
