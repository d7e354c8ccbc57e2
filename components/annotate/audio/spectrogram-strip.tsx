'use client';

import { useEffect, useState } from 'react';
import { buildUrl } from '@/lib/api/client';
import { getAssetSpectrogram, MAX_SPECTROGRAM_SECONDS } from '@/lib/api/operations/assets';

const HEIGHT = 96;
/** Scrolling and zooming settle before a new picture is asked for. */
const SETTLE_MS = 150;

/**
 * The spectrogram of the part of the recording in view, drawn by the server (ffmpeg) for exactly that
 * window and width, under the waveform. Past MAX_SPECTROGRAM_SECONDS in view (a zoomed-out long
 * file) it asks to zoom in rather than draw hours into a few hundred pixels.
 */
export function SpectrogramStrip({
  slug,
  assetId,
  view,
}: {
  slug: string;
  assetId: string;
  view: { start: number; pxPerSec: number; width: number } | null;
}) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const seconds = view ? view.width / view.pxPerSec : 0;
  useEffect(() => {
    if (!view || seconds > MAX_SPECTROGRAM_SECONDS) return;
    const timer = setTimeout(() => {
      // Rounded, so the same view asks for the same (cached) picture.
      const start = Math.round(view.start * 1000) / 1000;
      const end = Math.round((view.start + seconds) * 1000) / 1000;
      setFailed(false);
      setUrl(
        buildUrl(
          getAssetSpectrogram.path,
          { projectId: slug, assetId },
          { start, end, width: Math.round(view.width), height: HEIGHT },
        ),
      );
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [slug, assetId, view, seconds]);

  if (seconds > MAX_SPECTROGRAM_SECONDS)
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
