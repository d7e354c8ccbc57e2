'use client';

import { useState, type RefObject } from 'react';
import { formatTime } from '@/lib/annotate/audio/time-format';
import { timeOfFrame, type FrameMap } from '@/lib/annotate/video/frame-time';
import { cx } from '@/components/ui/cx';
import { MediaToolbar, PendingMark, SpeedSelect, TOOL_BUTTON, type ToolbarHistory } from '../media-toolbar';
import { DrawToolPicker, type DrawTools } from './draw-tools';
import { useFrame, type FrameClock } from './frame-clock';
import { PLAYBACK_RATES, type VideoBinding } from './video-binding';

/** Playback, the exact frame and its time, going to a frame, speed, the drawing tool and history above the video. */
export function VideoToolbar(props: {
  video: VideoBinding | null;
  map: FrameMap;
  clock: FrameClock;
  playing: boolean;
  rate: number;
  onRate: (rate: number) => void;
  goTo: RefObject<HTMLInputElement | null>;
  eventStart: number | null;
  /** Box / polygon, when the chosen class can track polygons. */
  tools?: DrawTools;
  history?: ToolbarHistory;
}) {
  const { video, map, history } = props;
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <MediaToolbar
      label="Video controls"
      playing={props.playing}
      onPlayPause={video ? () => video.playPause() : null}
      history={history}
    >
      <button type="button" className={TOOL_BUTTON} onClick={() => video?.step(-1)} disabled={!video} aria-label="Previous frame">
        ◀ 1
      </button>
      <button type="button" className={TOOL_BUTTON} onClick={() => video?.step(1)} disabled={!video} aria-label="Next frame">
        1 ▶
      </button>
      <FrameReadout map={map} clock={props.clock} />
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
      <SpeedSelect rate={props.rate} rates={PLAYBACK_RATES} onRate={props.onRate} />
      {props.tools && <DrawToolPicker {...props.tools} />}
      {props.eventStart !== null && <PendingMark>Event from frame {props.eventStart}: press E on its last frame</PendingMark>}
    </MediaToolbar>
  );
}

/** The frame on screen and its time: the one part of the bar that renders on every frame. */
function FrameReadout({ map, clock }: { map: FrameMap; clock: FrameClock }) {
  const frame = useFrame(clock);
  return (
    <span className="font-mono text-xs text-zinc-700 tabular-nums" aria-label="Current frame">
      frame <span data-testid="video-frame">{frame}</span> / {map.frameCount - 1} · {formatTime(timeOfFrame(map, frame), 3)}
      {map.variableFrameRate && <span className="ml-1 rounded bg-zinc-200 px-1 text-[10px]">VFR</span>}
    </span>
  );
}
