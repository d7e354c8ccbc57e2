'use client';

import { useEffect, useRef, useState } from 'react';
import { sampleGain, type SampleWindow } from '@/lib/annotate/audio/sample-window';
import { callApi, errorMessage } from '@/lib/api/client';
import { getAssetSamples, MAX_SAMPLE_SECONDS } from '@/lib/api/operations/assets';
import { drawSamples } from './draw-samples';
import { useSettledWindow, type WaveView } from './use-settled-window';

/**
 * The original's own samples of the part in view, under the waveform once at most
 * MAX_SAMPLE_SECONDS are in view: the waveform's peaks stop at 2 ms a bucket, this goes down to
 * single samples at the recording's own rate, so a boundary can be put on the exact sample.
 */
export function SampleStrip({ slug, assetId, view }: { slug: string; assetId: string; view: WaveView }) {
  const span = useSettledWindow(view, MAX_SAMPLE_SECONDS);
  const canvas = useRef<HTMLCanvasElement>(null);
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
  const gain = samples ? sampleGain(samples) : 1;
  // Redrawn on every scroll with the samples at hand; the settled window brings the new ones.
  useEffect(() => {
    if (canvas.current && samples) drawSamples(canvas.current, samples, { start: view.start, pxPerSec: view.pxPerSec, gain });
  }, [samples, view, gain]);

  return (
    <div className="relative h-24 border-t border-zinc-200 bg-white" data-testid="sample-view" data-kind={samples?.kind}>
      <canvas ref={canvas} className="block h-full w-full" aria-label="The original's samples of the part in view" />
      <span className="pointer-events-none absolute top-0.5 left-1 text-[10px] text-zinc-500">
        {failure ??
          (samples
            ? `Samples at ${samples.sampleRate / 1000} kHz${gain > 1.05 ? `, shown ×${gain.toFixed(1)}` : ''}`
            : 'Reading the samples…')}
      </span>
    </div>
  );
}
