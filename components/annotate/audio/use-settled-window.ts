'use client';

import { useEffect, useState } from 'react';

export interface WaveView {
  start: number;
  pxPerSec: number;
  width: number;
}

export interface WindowRequest {
  start: number;
  end: number;
  width: number;
}

/** Scrolling and zooming settle before a view asks the server for a new picture of the window. */
const SETTLE_MS = 150;

/** The view's window rounded to the millisecond, so the same view asks for the same (cached) thing. */
function nearestMilliseconds(view: WaveView): WindowRequest {
  const start = Math.round(view.start * 1000) / 1000;
  const end = Math.round((view.start + view.width / view.pxPerSec) * 1000) / 1000;
  return { start, end, width: Math.round(view.width) };
}

/**
 * What to ask the server for to draw the window in view (`request` of it), once scrolling and
 * zooming have settled; null while more than `maxSeconds` are in view.
 */
export function useSettledWindow(
  view: WaveView | null,
  maxSeconds: number,
  request: (view: WaveView) => WindowRequest = nearestMilliseconds,
): WindowRequest | null {
  const [settled, setSettled] = useState<WindowRequest | null>(null);
  const seconds = view ? view.width / view.pxPerSec : Infinity;
  useEffect(() => {
    if (!view || seconds > maxSeconds) return;
    const timer = setTimeout(() => setSettled(request(view)), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [view, seconds, maxSeconds, request]);
  return seconds > maxSeconds ? null : settled;
}
