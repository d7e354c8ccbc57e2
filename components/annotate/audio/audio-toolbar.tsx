'use client';

import { useState } from 'react';
import { formatTime, parseTime } from '@/lib/annotate/audio/time-format';
import { cx } from '@/components/ui/cx';
import { HistoryButtons } from '../history-buttons';
import { PLAYBACK_RATES } from './audio-shortcuts';
import type { AudioPlayback } from './use-audio-playback';

const small =
  'rounded-md border border-zinc-200 bg-white px-2 py-1 text-xs hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-50';

/** Playback, the time, zoom and history above the waveform. */
export function AudioToolbar(props: {
  playback: AudioPlayback;
  durationSec: number;
  onLoop: () => void;
  markIn: number | null;
  history?: { canUndo: boolean; canRedo: boolean; onUndo: () => void; onRedo: () => void };
}) {
  const { durationSec, history } = props;
  const { wave, playing, rate, loop } = props.playback;
  const [goTo, setGoTo] = useState('');
  const [goToError, setGoToError] = useState(false);
  return (
    <div
      className="flex flex-wrap items-center gap-2 border-b border-zinc-200 bg-zinc-50 px-2 py-1.5"
      role="toolbar"
      aria-label="Audio controls"
    >
      <button type="button" className={cx(small, 'w-16 font-medium')} onClick={() => void wave?.ws.playPause()} disabled={!wave}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <span className="font-mono text-xs text-zinc-700 tabular-nums" aria-label="Playhead">
        <span ref={props.playback.clock} data-testid="audio-clock">
          {formatTime(0)}
        </span>{' '}
        / {formatTime(durationSec)}
      </span>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          const t = parseTime(goTo);
          setGoToError(t === null);
          if (t === null || !wave) return;
          wave.ws.setTime(Math.min(t, durationSec));
          setGoTo('');
        }}
      >
        <input
          aria-label="Go to time"
          aria-invalid={goToError || undefined}
          className={cx('h-6 w-20 rounded border px-1.5 font-mono text-xs', goToError ? 'border-red-500' : 'border-zinc-200')}
          placeholder="go to 1:23"
          value={goTo}
          onChange={(e) => setGoTo(e.target.value)}
          title={goToError ? 'Type a time as 83.5, 1:23.5 or 1:01:23' : 'Type a time and press Enter'}
        />
      </form>
      <label className="flex items-center gap-1 text-xs text-zinc-600">
        Speed
        <select
          aria-label="Playback speed"
          className="h-6 rounded border border-zinc-200 bg-white px-1 text-xs"
          value={rate}
          onChange={(e) => props.playback.setRate(Number(e.target.value))}
        >
          {PLAYBACK_RATES.map((r) => (
            <option key={r} value={r}>
              {r}×
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        aria-pressed={loop}
        className={cx(small, loop && 'border-accent-500 bg-accent-50')}
        onClick={props.onLoop}
      >
        Loop
      </button>
      <button
        type="button"
        aria-pressed={props.playback.spectrogram}
        className={cx(small, props.playback.spectrogram && 'border-accent-500 bg-accent-50')}
        onClick={props.playback.toggleSpectrogram}
      >
        Spectrogram
      </button>
      <div className="flex gap-1" role="group" aria-label="Zoom">
        <button type="button" className={small} onClick={() => wave?.zoomBy(0.5)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className={small} onClick={() => wave?.fit()}>
          Whole file
        </button>
        <button type="button" className={small} onClick={() => wave?.zoomBy(2)} aria-label="Zoom in">
          +
        </button>
      </div>
      {props.markIn !== null && (
        <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900" role="status">
          Start marked at {formatTime(props.markIn, 2)}: press O at the end
        </span>
      )}
      {history && <HistoryButtons history={history} className={small} />}
    </div>
  );
}
