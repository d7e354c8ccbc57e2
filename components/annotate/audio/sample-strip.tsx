'use client';

import { useEffect, useRef, useState } from 'react';
import { sampleRequest } from '@/lib/annotate/audio/lens';
import { sampleGain, type SampleWindow } from '@/lib/annotate/audio/sample-window';
import { formatTime } from '@/lib/annotate/audio/time-format';
import { callApi, errorMessage } from '@/lib/api/client';
import { getAssetSamples, MAX_SAMPLE_SECONDS } from '@/lib/api/operations/assets';
import { DOTS_FROM_PX, drawSamples } from './draw-samples';
import { SampleOverlay, type SampleEdgeEvents } from './sample-overlay';
import { useSettledWindow, type WaveView } from './use-settled-window';
import { wheelFactor, type WaveformBinding, type WaveSegment } from './waveform-binding';

export interface SampleStripProps extends SampleEdgeEvents {
  slug: string;
  assetId: string;
  /** The window drawn: the waveform's, or the lens's own past the waveform's deepest zoom. */
  view: WaveView;
  lens: boolean;
  segments: readonly WaveSegment[];
  editable: boolean;
  binding: WaveformBinding;
}

/**
 * The original's own samples, under the waveform once at most MAX_SAMPLE_SECONDS are in view: the
 * waveform's peaks stop at 2 ms a bucket, this goes down to single samples at the recording's own
 * rate. Zoomed past the waveform's deepest zoom (the `=` key, or the wheel over this strip) it is a
 * lens with a zoom of its own, so single samples are reached on a file of any length; an edge
 * dragged here, or a click for the playhead, lands on a sample.
 */
export function SampleStrip({ slug, assetId, view, lens, segments, editable, binding, onEdge }: SampleStripProps) {
  const span = useSettledWindow(view, MAX_SAMPLE_SECONDS, sampleRequest);
  const canvas = useRef<HTMLCanvasElement>(null);
  const strip = useRef<HTMLDivElement>(null);
  const [samples, setSamples] = useState<SampleWindow | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!span) return;
    const abort = new AbortController();
    callApi(getAssetSamples, { params: { projectId: slug, assetId }, query: span }, { signal: abort.signal }).then(
      (answer) => (setSamples(answer), setFailure(null)),
      (e: unknown) => !abort.signal.aborted && setFailure(errorMessage(e)),
    );
    return () => abort.abort();
  }, [slug, assetId, span]);
  useEffect(() => {
    if (samples) binding.setSampleRate(samples.sampleRate);
  }, [binding, samples]);
  const gain = samples ? sampleGain(samples) : 1;
  // Redrawn on every scroll with the samples at hand; the settled window brings the new ones.
  useEffect(() => {
    if (canvas.current && samples) drawSamples(canvas.current, samples, { start: view.start, pxPerSec: view.pxPerSec, gain });
  }, [samples, view, gain]);
  // The wheel zooms about the pointer (not passive: the page must not scroll instead).
  useEffect(() => {
    const el = strip.current;
    if (!el) return;
    const wheel = (e: WheelEvent) => {
      e.preventDefault();
      binding.zoomBy(wheelFactor(e), view.start + (e.clientX - el.getBoundingClientRect().left) / view.pxPerSec);
    };
    el.addEventListener('wheel', wheel, { passive: false });
    return () => el.removeEventListener('wheel', wheel);
  }, [binding, view.start, view.pxPerSec]);

  const pxPerSample = samples ? view.pxPerSec / samples.sampleRate : 0;
  return (
    <div
      ref={strip}
      className={`relative h-24 border-t bg-white ${lens ? 'border-indigo-300 ring-2 ring-indigo-300 ring-inset' : 'border-zinc-200'}`}
      data-testid="sample-view"
      data-kind={samples?.kind}
      data-lens={lens}
      data-px-per-sample={pxPerSample.toFixed(2)}
      data-dots={samples?.kind === 'samples' && pxPerSample >= DOTS_FROM_PX}
    >
      <canvas ref={canvas} className="block h-full w-full" aria-label="The original's samples of the part in view" />
      {samples && (
        <SampleOverlay
          view={view}
          sampleRate={samples.sampleRate}
          segments={segments}
          editable={editable}
          binding={binding}
          onEdge={onEdge}
        />
      )}
      <span className="pointer-events-none absolute top-0.5 left-1 text-[10px] text-zinc-500">
        {failure ??
          (samples
            ? `Samples at ${samples.sampleRate / 1000} kHz${gain > 1.05 ? `, shown ×${gain.toFixed(1)}` : ''}`
            : 'Reading the samples…')}
        {lens && ` · lens at ${formatTime(view.start, 4)}: ${((view.width / view.pxPerSec) * 1000).toPrecision(3)} ms in view`}
      </span>
    </div>
  );
}
