'use client';

import { useEffect, useState } from 'react';

interface ImageSource {
  /** What to draw now: the thumbnail until the original has decoded. */
  source: HTMLImageElement | null;
  /** The image's size in pixels (the thumbnail is drawn stretched to it). */
  size: { width: number; height: number } | null;
  /** The original is decoded and drawn. */
  decoded: boolean;
  error: string | null;
}

async function load(url: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.decoding = 'async';
  image.src = url;
  await image.decode();
  return image;
}

/**
 * The thumbnail first, the original as soon as it has decoded (decode() runs off the main thread),
 * so the person sees the picture at once and full detail a moment later.
 */
export function useImageSource(preview: string, full: string, known: { width: number; height: number } | null): ImageSource {
  const [state, setState] = useState<ImageSource>({ source: null, size: known, decoded: false, error: null });
  const knownWidth = known?.width;
  const knownHeight = known?.height;

  useEffect(() => {
    let live = true;
    const knownSize = knownWidth && knownHeight ? { width: knownWidth, height: knownHeight } : null;
    setState({ source: null, size: knownSize, decoded: false, error: null });
    let fullDone = false;
    void load(preview)
      .then((image) => {
        if (!live || fullDone) return;
        // Without a known size the thumbnail's aspect ratio stands in until the original arrives.
        setState((s) => ({ ...s, source: image, size: s.size ?? { width: image.naturalWidth, height: image.naturalHeight } }));
      })
      .catch(() => undefined);
    void load(full)
      .then((image) => {
        fullDone = true;
        if (!live) return;
        setState({ source: image, size: { width: image.naturalWidth, height: image.naturalHeight }, decoded: true, error: null });
      })
      .catch(() => {
        if (live)
          setState((s) => ({ ...s, error: s.source ? null : 'The image could not be loaded. Reload the page to try again.' }));
      });
    return () => {
      live = false;
    };
  }, [preview, full, knownWidth, knownHeight]);

  return state;
}
