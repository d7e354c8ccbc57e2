'use client';

import { useMemo } from 'react';
import { segmentsInTime } from '@/lib/annotate/audio/segments';
import { Notice } from '@/components/ui/states';
import { KeyboardShortcuts } from '@/components/workflow/keyboard-shortcuts';
import { useRegionFocus } from '@/components/workflow/region-focus';
import { useVersionCompare, type ReviewViewProps } from '../version-compare-bar';
import { playbackShortcuts } from './audio-shortcuts';
import { AudioToolbar } from './audio-toolbar';
import { SegmentList } from './segment-list';
import { useAudioPlayback } from './use-audio-playback';
import { Waveform } from './waveform';
import { waveSegments } from './wave-segments';

const NO_PROBLEMS = new Map<string, string[]>();
const NONE = new Set<string>();

/**
 * Review and adjudication of a recording: the waveform and transcripts read-only, one annotation
 * optionally against another version (added / changed / removed segments marked). A click on a
 * segment focuses its note in the review panel (region-focus.tsx), and a focused note selects it.
 */
export function AudioReviewView({ slug, asset, subjects, others, classes }: ReviewViewProps) {
  const { shown, diff, bar } = useVersionCompare(subjects, others);
  const { focus, setFocus } = useRegionFocus();
  const focusedId = focus && focus.annotationId === shown?.id ? focus.regionId : null;
  // Removed segments are drawn too (dashed), so the reviewer sees what went.
  const sorted = useMemo(() => segmentsInTime([...(shown?.regions ?? []), ...(diff?.removed ?? [])]), [shown, diff]);
  const selected = useMemo(() => (focusedId ? new Set([focusedId]) : NONE), [focusedId]);
  const playback = useAudioPlayback(sorted);
  const shownSegments = useMemo(
    () => waveSegments(sorted, classes, { selected, problems: NO_PROBLEMS, editable: false, diff: diff?.changes }),
    [sorted, classes, selected, diff],
  );
  if (!asset.durationSec)
    return <Notice tone="error">This recording has no known duration: its preprocessing failed or has not finished.</Notice>;
  const pick = (id: string | null) => setFocus(shown && id ? { annotationId: shown.id, regionId: id, origin: 'canvas' } : null);
  const target = () => sorted.find((s) => s.id === focusedId) ?? null;
  const keys = playbackShortcuts({
    wave: playback.wave,
    sorted,
    target,
    select: pick,
    toggleLoop: () => playback.toggleLoop(target()),
    stopLoop: playback.stopLoop,
    toggleSpectrogram: playback.toggleSpectrogram,
    stepRate: playback.stepRate,
    goToBox: playback.goToBox,
  });

  return (
    <div className="space-y-3" data-testid="audio-review" data-selected-region={focusedId ?? undefined}>
      <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
        <AudioToolbar
          playback={playback}
          durationSec={asset.durationSec}
          onLoop={() => playback.toggleLoop(target())}
          markIn={null}
        />
        {bar}
        <Waveform
          playUrl={asset.playUrl}
          durationSec={asset.durationSec}
          levels={asset.peaks}
          segments={shownSegments}
          editable={false}
          onBinding={playback.setWave}
          source={{ slug, assetId: asset.id }}
          spectrogram={playback.spectrogram}
          events={{
            onCreate: () => undefined,
            onTimes: () => undefined,
            onSelect: pick,
            onOpen: pick,
            onTime: playback.onTime,
            onPlaying: playback.setPlaying,
            onView: () => undefined,
            onEdge: () => undefined,
          }}
        />
        <div className="flex justify-end px-2 py-1">
          <KeyboardShortcuts shortcuts={keys} enabled={false} help={false} />
        </div>
      </div>
      <div className="rounded-lg border border-zinc-200 bg-white p-2">
        <SegmentList
          segments={sorted}
          classes={classes}
          selected={selected}
          current={playback.current}
          following={playback.playing}
          problems={NO_PROBLEMS}
          waivable={NONE}
          readOnly
          speakers={[]}
          diff={diff?.changes}
          onSelect={pick}
          onSeek={(t) => playback.wave?.seek(t)}
          onText={() => undefined}
          onSpeaker={() => undefined}
          onIntentional={() => undefined}
          onEditStart={() => undefined}
          onEditEnd={() => undefined}
        />
      </div>
    </div>
  );
}
