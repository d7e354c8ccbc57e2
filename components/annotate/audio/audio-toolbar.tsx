'use client';

import { useState } from 'react';
import { formatTime, parseTime } from '@/lib/annotate/audio/time-format';
import { cx } from '@/components/ui/cx';
import { MediaToolbar, PendingMark, SpeedSelect, TOOL_BUTTON, type ToolbarHistory } from '../media-toolbar';
import { PLAYBACK_RATES } from './audio-shortcuts';
import type { AudioPlayback } from './use-audio-playback';

/** Playback, the time, zoom and history above the waveform. */
export function AudioToolbar(props: {
  playback: AudioPlayback;
  durationSec: number;
  onLoop: () => void;
  markIn: number | null;
  history?: ToolbarHistory;
}) {
  const { durationSec, history } = props;
  const { wave, playing, rate, loop } = props.playback;
  const [goTo, setGoTo] = useState('');
  const [goToError, setGoToError] = useState(false);
  return (
    <MediaToolbar
      label="Audio controls"
      playing={playing}
      onPlayPause={wave ? () => void wave.ws.playPause() : null}
      history={history}
    >
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
          wave.seek(Math.min(t, durationSec));
          setGoTo('');
        }}
      >
        <input
          ref={props.playback.goToBox}
          aria-label="Go to time"
          aria-invalid={goToError || undefined}
          className={cx('h-6 w-20 rounded border px-1.5 font-mono text-xs', goToError ? 'border-red-500' : 'border-zinc-200')}
          placeholder="go to 1:23"
          value={goTo}
          onChange={(e) => setGoTo(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
          title={goToError ? 'Type a time as 83.5, 1:23.5 or 1:01:23' : 'Type a time and press Enter'}
        />
      </form>
      <SpeedSelect rate={rate} rates={PLAYBACK_RATES} onRate={props.playback.setRate} />
      <button
        type="button"
        aria-pressed={loop}
        className={cx(TOOL_BUTTON, loop && 'border-accent-500 bg-accent-50')}
        onClick={props.onLoop}
      >
        Loop
      </button>
      <button
        type="button"
        aria-pressed={props.playback.spectrogram}
        className={cx(TOOL_BUTTON, props.playback.spectrogram && 'border-accent-500 bg-accent-50')}
        onClick={props.playback.toggleSpectrogram}
      >
        Spectrogram
      </button>
      <div className="flex gap-1" role="group" aria-label="Zoom">
        <button type="button" className={TOOL_BUTTON} onClick={() => wave?.zoomBy(0.5)} aria-label="Zoom out">
          −
        </button>
        <button type="button" className={TOOL_BUTTON} onClick={() => wave?.fit()}>
          Whole file
        </button>
        <button type="button" className={TOOL_BUTTON} onClick={() => wave?.zoomBy(2)} aria-label="Zoom in">
          +
        </button>
      </div>
      {props.markIn !== null && <PendingMark>Start marked at {formatTime(props.markIn, 2)}: press O at the end</PendingMark>}
    </MediaToolbar>
  );
}
