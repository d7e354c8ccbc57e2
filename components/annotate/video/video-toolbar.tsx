'use client';

import { useState, type RefObject } from 'react';
import { formatTime } from '@/lib/annotate/audio/time-format';
import { timeOfFrame, type FrameMap } from '@/lib/annotate/video/frame-time';
import { cx } from '@/components/ui/cx';
import { HistoryButtons } from '../history-buttons';
import { PLAYBACK_RATES, type VideoBinding } from './video-binding';

const small =
  'rounded-md border border-zinc-200 bg-white px-2 py-1 text-xs hover:bg-zinc-50 disabled:cursor-not-allowed disabled:opacity-50';

/** Playback, the exact frame and its time, going to a frame, speed and history above the video. */
export function VideoToolbar(props: {
  video: VideoBinding | null;
  map: FrameMap;
  frame: number;
  playing: boolean;
  rate: number;
  onRate: (rate: number) => void;
  goTo: RefObject<HTMLInputElement | null>;
  eventStart: number | null;
  history?: { canUndo: boolean; canRedo: boolean; onUndo: () => void; onRedo: () => void };
}) {
  const { video, map, frame, history } = props;
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <div
      className="flex flex-wrap items-center gap-2 border-b border-zinc-200 bg-zinc-50 px-2 py-1.5"
      role="toolbar"
      aria-label="Video controls"
    >
      <button type="button" className={cx(small, 'w-16 font-medium')} onClick={() => video?.playPause()} disabled={!video}>
        {props.playing ? 'Pause' : 'Play'}
      </button>
      <button type="button" className={small} onClick={() => video?.step(-1)} disabled={!video} aria-label="Previous frame">
        ◀ 1
      </button>
      <button type="button" className={small} onClick={() => video?.step(1)} disabled={!video} aria-label="Next frame">
        1 ▶
      </button>
      <span className="font-mono text-xs text-zinc-700 tabular-nums" aria-label="Current frame">
        frame <span data-testid="video-frame">{frame}</span> / {map.frameCount - 1} · {formatTime(timeOfFrame(map, frame), 3)}
        {map.variableFrameRate && <span className="ml-1 rounded bg-zinc-200 px-1 text-[10px]">VFR</span>}
      </span>
      <form
        className="flex items-center gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(text);
          const ok = text.trim() !== '' && Number.isInteger(n) && n >= 0 && n < map.frameCount;
          setInvalid(!ok);
          if (!ok || !video) return;
          video.seekFrame(n);
          setText('');
          props.goTo.current?.blur();
        }}
      >
        <input
          ref={props.goTo}
          aria-label="Go to frame"
          aria-invalid={invalid || undefined}
          className={cx('h-6 w-24 rounded border px-1.5 font-mono text-xs', invalid ? 'border-red-500' : 'border-zinc-200')}
          placeholder="go to frame"
          inputMode="numeric"
          value={text}
          onChange={(e) => setText(e.target.value)}
          title={invalid ? `Type a frame number from 0 to ${map.frameCount - 1}` : 'Type a frame number and press Enter'}
        />
      </form>
      <label className="flex items-center gap-1 text-xs text-zinc-600">
        Speed
        <select
          aria-label="Playback speed"
          className="h-6 rounded border border-zinc-200 bg-white px-1 text-xs"
          value={props.rate}
          onChange={(e) => props.onRate(Number(e.target.value))}
        >
          {PLAYBACK_RATES.map((r) => (
            <option key={r} value={r}>
              {r}×
            </option>
          ))}
        </select>
      </label>
      {props.eventStart !== null && (
        <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900" role="status">
          Event from frame {props.eventStart}: press E on its last frame
        </span>
      )}
      {history && <HistoryButtons history={history} className={small} />}
    </div>
  );
}
