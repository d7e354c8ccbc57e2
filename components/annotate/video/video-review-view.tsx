'use client';

import { useCallback, useMemo, useRef } from 'react';
import type { FrameMap } from '@/lib/annotate/video/frame-time';
import { tracksOf } from '@/lib/annotate/video/tracks';
import type { EditorRegion } from '@/lib/annotate/patch';
import { KeyboardShortcuts } from '@/components/workflow/keyboard-shortcuts';
import { useRegionFocus } from '@/components/workflow/region-focus';
import { useVersionCompare, type ReviewViewProps } from '../version-compare-bar';
import { frameBoxes } from './frame-boxes';
import { playbackShortcuts } from './video-shortcuts';
import { VideoStage } from './video-stage';
import { VideoTimeline } from './video-timeline';
import { VideoToolbar } from './video-toolbar';
import { useVideoPlayback } from './use-video-playback';
import { WithFrameMap } from './with-frame-map';

const NONE = new Set<string>();
const nothing = () => undefined;
const READ_ONLY = { onDraw: nothing, onDrawPolygon: nothing, onBox: nothing, onPoints: nothing, onDrafting: nothing };

/**
 * Review and adjudication of a video: tracks (boxes and polygons) and events read-only, one
 * annotation optionally against another version (added / changed / removed tracks and events
 * tinted; removed ones still drawn). A click on a shape or a bar focuses its note in the review
 * panel (region-focus.tsx).
 */
export function VideoReviewView(props: ReviewViewProps) {
  return <WithFrameMap asset={props.asset}>{(map) => <Review {...props} map={map} />}</WithFrameMap>;
}

function Review({ asset, subjects, others, classes, map }: ReviewViewProps & { map: FrameMap }) {
  const { shown, diff, bar } = useVersionCompare(subjects, others);
  const { focus, setFocus } = useRegionFocus();
  const focusedId = focus && focus.annotationId === shown?.id ? focus.regionId : null;
  const regions = useMemo<EditorRegion[]>(() => [...(shown?.regions ?? []), ...(diff?.removed ?? [])], [shown, diff]);
  const tracks = useMemo(() => tracksOf(regions), [regions]);
  const selected = useMemo(() => (focusedId ? new Set([focusedId]) : NONE), [focusedId]);
  const playback = useVideoPlayback();
  const goTo = useRef<HTMLInputElement>(null);
  const shapesAt = useCallback(
    (frame: number) => frameBoxes(tracks, frame, classes, { selected, editable: false, diff: diff?.changes }),
    [tracks, classes, selected, diff],
  );
  // The overlay and the timeline pick on the press, and the press then moves the page's focus to
  // the body (its default action, after the handlers): the note is focused once that has happened,
  // or it would lose the focus at once.
  const pick = (id: string | null) =>
    void setTimeout(() => setFocus(shown && id ? { annotationId: shown.id, regionId: id, origin: 'canvas' } : null));
  const keys = playbackShortcuts({ video: playback.video, stepRate: playback.stepRate, focusGoTo: () => goTo.current?.focus() });

  return (
    <div className="space-y-3" data-testid="video-review" data-selected-region={focusedId ?? undefined}>
      <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
        <VideoToolbar
          video={playback.video}
          map={map}
          clock={playback.clock}
          playing={playback.playing}
          rate={playback.rate}
          onRate={playback.setRate}
          goTo={goTo}
          eventStart={null}
        />
        {bar}
        <VideoStage
          playUrl={asset.playUrl}
          map={map}
          aspect={(asset.width ?? 16) / (asset.height ?? 9)}
          clock={playback.clock}
          shapesAt={shapesAt}
          tool={null}
          onBinding={playback.setVideo}
          video={{ onFrame: playback.onFrame, onPlaying: playback.setPlaying, onError: () => undefined }}
          overlay={{ ...READ_ONLY, onSelect: pick }}
        />
        <VideoTimeline
          regions={regions}
          classes={classes}
          frameCount={map.frameCount}
          clock={playback.clock}
          playing={playback.playing}
          selected={selected}
          diff={diff?.changes}
          editable={false}
          onSeek={(f) => playback.video?.seekFrame(f)}
          onSelect={pick}
        />
        <div className="flex justify-end px-2 py-1">
          <KeyboardShortcuts shortcuts={keys} enabled={false} help={false} />
        </div>
      </div>
    </div>
  );
}
