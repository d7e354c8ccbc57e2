'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import { lensSpan } from '@/lib/annotate/audio/lens';
import { overviewLevel } from '@/lib/annotate/audio/peak-level';
import type { TPeakLevel } from '@/lib/schemas/workflow';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { drawRuler } from './draw-ruler';
import { loadPeaks } from './peaks-cache';
import { MAX_SAMPLE_SECONDS } from '@/lib/api/operations/assets';
import type { SampleEdgeEvents } from './sample-overlay';
import { SampleStrip } from './sample-strip';
import { SpectrogramStrip } from './spectrogram-strip';
import { WaveformBinding, type WaveformEvents, type WaveformView, type WaveSegment } from './waveform-binding';

export interface WaveformProps {
  playUrl: string;
  durationSec: number;
  levels: readonly TPeakLevel[];
  segments: readonly WaveSegment[];
  editable: boolean;
  events: WaveformEvents & SampleEdgeEvents;
  /** The binding once the waveform is drawn, null again when it is torn down. */
  onBinding: (binding: WaveformBinding | null) => void;
  /** The asset the on-demand views (spectrogram, samples) are asked for. */
  source: { slug: string; assetId: string };
  /** Shows the spectrogram of the part in view under the waveform. */
  spectrogram: boolean;
}

/**
 * The waveform with its time ruler and the audio element it plays. It shows at once from the
 * coarsest peak level (a few kilobytes for any length); finer levels come as the zoom needs them.
 */
export function Waveform(props: WaveformProps) {
  const { playUrl, durationSec, levels, segments, editable, events, onBinding, source, spectrogram } = props;
  const host = useRef<HTMLDivElement>(null);
  const media = useRef<HTMLAudioElement>(null);
  const ruler = useRef<HTMLCanvasElement>(null);
  const latest = useRef({ events, onBinding });
  const [binding, setBinding] = useState<WaveformBinding | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The view in state re-renders only this component on a scroll, for the strips under the waveform.
  const [view, setView] = useState<WaveformView | null>(null);
  useEffect(() => {
    if (binding) setView(binding.view());
  }, [binding]);

  useEffect(() => {
    latest.current = { events, onBinding };
  });
  useEffect(() => latest.current.onBinding(binding), [binding]);

  useEffect(() => {
    const level = overviewLevel(levels);
    if (!level) return;
    let made: WaveformBinding | null = null;
    let cancelled = false;
    loadPeaks(level).then(
      (file) => {
        if (cancelled || !host.current || !media.current) return;
        // Callbacks go through `latest`, so the binding is made once and always calls the current handlers.
        const forward: WaveformEvents = {
          onCreate: (a, b) => latest.current.events.onCreate(a, b),
          onTimes: (id, a, b, side) => latest.current.events.onTimes(id, a, b, side),
          onSelect: (id, additive) => latest.current.events.onSelect(id, additive),
          onOpen: (id) => latest.current.events.onOpen(id),
          onTime: (t) => latest.current.events.onTime(t),
          onPlaying: (playing) => latest.current.events.onPlaying(playing),
          onView: (view) => {
            if (ruler.current) drawRuler(ruler.current, view);
            setView(view);
            latest.current.events.onView(view);
          },
        };
        made = new WaveformBinding(host.current, media.current, {
          playUrl,
          duration: durationSec,
          levels,
          overview: { level, file },
          events: forward,
        });
        setBinding(made);
      },
      (e: unknown) => !cancelled && setFailure(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
      made?.destroy();
      setBinding(null);
    };
  }, [playUrl, durationSec, levels, attempt]);

  useEffect(() => {
    binding?.sync(segments, editable);
  }, [binding, segments, editable]);

  // The sample view draws the waveform's window, or past its deepest zoom the lens's own.
  const samplesView = useMemo(
    () =>
      view?.lens
        ? { start: lensSpan(view.lens, view.width, durationSec).start, pxPerSec: view.lens.pxPerSec, width: view.width }
        : view,
    [view, durationSec],
  );

  if (levels.length === 0)
    return (
      <ErrorState
        error={new Error('This recording has no waveform yet: its preprocessing has not finished. Try again in a minute.')}
      />
    );
  if (failure)
    return (
      <ErrorState
        error={new Error(failure)}
        onRetry={() => {
          setFailure(null);
          setAttempt((n) => n + 1);
        }}
      />
    );
  return (
    <div className="relative select-none">
      {!binding && (
        <div className="absolute inset-0 z-10 bg-white">
          <LoadingState label="Loading the waveform…" />
        </div>
      )}
      <canvas ref={ruler} className="block h-4 w-full" aria-hidden />
      <div ref={host} data-testid="audio-waveform" className="h-40 w-full" />
      {binding && samplesView && samplesView.width / samplesView.pxPerSec <= MAX_SAMPLE_SECONDS && (
        <SampleStrip
          {...source}
          view={samplesView}
          lens={Boolean(view?.lens)}
          segments={segments}
          editable={editable}
          binding={binding}
          onEdge={(id, side, t) => latest.current.events.onEdge(id, side, t)}
        />
      )}
      {spectrogram && <SpectrogramStrip {...source} view={view} />}
      {/* "metadata", not "auto": "auto" pulls the whole proxy (85 MB for three hours) at once, and
          every seek then waited on that download (median ~100 ms instead of ~50). */}
      <audio ref={media} data-testid="audio-media" preload="metadata" className="hidden" />
    </div>
  );
}
