'use client';

import { useEffect, useState } from 'react';
import { buildUrl } from '@/lib/api/client';
import { getAssetSpectrogram, MAX_SPECTROGRAM_SECONDS } from '@/lib/api/operations/assets';
import { useSettledWindow, type WaveView } from './use-settled-window';

const HEIGHT = 96;

/**
 * The spectrogram of the part of the recording in view, drawn by the server (ffmpeg) for exactly that
 * window and width, under the waveform. Past MAX_SPECTROGRAM_SECONDS in view (a zoomed-out long
 * file) it asks to zoom in rather than draw hours into a few hundred pixels.
 */
export function SpectrogramStrip({ slug, assetId, view }: { slug: string; assetId: string; view: WaveView | null }) {
  const span = useSettledWindow(view, MAX_SPECTROGRAM_SECONDS);
  const [failed, setFailed] = useState(false);
  const url = span && buildUrl(getAssetSpectrogram.path, { projectId: slug, assetId }, { ...span, height: HEIGHT });
  useEffect(() => setFailed(false), [url]);

  if (view && view.width / view.pxPerSec > MAX_SPECTROGRAM_SECONDS)
    return (
      <p className="grid h-24 place-items-center bg-zinc-900 text-xs text-zinc-300" data-testid="spectrogram">
        Zoom in to {MAX_SPECTROGRAM_SECONDS / 60} minutes or less in view to see the spectrogram.
      </p>
    );
  return (
    <div className="h-24 bg-zinc-900" data-testid="spectrogram">
      {failed ? (
        <p className="grid h-full place-items-center text-xs text-red-300">The spectrogram could not be drawn.</p>
      ) : (
        url && (
          <img
            src={url}
            alt="Spectrogram of the part in view: time left to right, frequency bottom to top"
            className="block h-24 w-full"
            draggable={false}
            onError={() => setFailed(true)}
          />
        )
      )}
    </div>
  );
}
