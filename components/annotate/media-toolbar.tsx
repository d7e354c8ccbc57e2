'use client';

import type { ReactNode } from 'react';
import { cx } from '@/components/ui/cx';

// The bar above the audio and video editors' media: Play first, the editor's own controls, then
// Undo / Redo at the right end. The pieces both editors use are here; the rest stays with each.

export const TOOL_BUTTON =
  'rounded-md border border-zinc-200 bg-white px-2 py-1 text-xs hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-50';

export interface ToolbarHistory {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
}

export function MediaToolbar(props: {
  label: string;
  playing: boolean;
  /** Null until the player is up. */
  onPlayPause: (() => void) | null;
  history?: ToolbarHistory;
  children: ReactNode;
}) {
  const { history, onPlayPause } = props;
  return (
    <div
      className="flex flex-wrap items-center gap-2 border-b border-zinc-200 bg-zinc-50 px-2 py-1.5"
      role="toolbar"
      aria-label={props.label}
    >
      <button
        type="button"
        className={cx(TOOL_BUTTON, 'w-16 font-medium')}
        onClick={() => onPlayPause?.()}
        disabled={!onPlayPause}
      >
        {props.playing ? 'Pause' : 'Play'}
      </button>
      {props.children}
      {history && (
        <div className="ml-auto flex gap-1" role="group" aria-label="History">
          <button type="button" className={TOOL_BUTTON} onClick={history.onUndo} disabled={!history.canUndo}>
            Undo
          </button>
          <button type="button" className={TOOL_BUTTON} onClick={history.onRedo} disabled={!history.canRedo}>
            Redo
          </button>
        </div>
      )}
    </div>
  );
}

/** The playback speed, from `rates`. */
export function SpeedSelect({ rate, rates, onRate }: { rate: number; rates: readonly number[]; onRate: (rate: number) => void }) {
  return (
    <label className="flex items-center gap-1 text-xs text-zinc-600">
      Speed
      <select
        aria-label="Playback speed"
        className="h-6 rounded border border-zinc-200 bg-white px-1 text-xs"
        value={rate}
        onChange={(e) => onRate(Number(e.target.value))}
      >
        {rates.map((r) => (
          <option key={r} value={r}>
            {r}×
          </option>
        ))}
      </select>
    </label>
  );
}

/** A pending two-key mark (a segment's start, an event's first frame) waiting for its second key. */
export function PendingMark({ children }: { children: ReactNode }) {
  return (
    <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900" role="status">
      {children}
    </span>
  );
}
