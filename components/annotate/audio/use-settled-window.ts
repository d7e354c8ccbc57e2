'use client';

import { useEffect, useState } from 'react';

export interface WaveView {
  start: number;
  pxPerSec: number;
  width: number;
}

/** Scrolling and zooming settle before a view asks the server for a new picture of the window. */
const SETTLE_MS = 150;

/**
 * The window in view once scrolling and zooming have settled, rounded to the millisecond so the same
 * view asks for the same (cached) thing; null while more than `maxSeconds` are in view.
 */
export function useSettledWindow(
  view: WaveView | null,
  maxSeconds: number,
): { start: number; end: number; width: number } | null {
  const [settled, setSettled] = useState<{ start: number; end: number; width: number } | null>(null);
  const seconds = view ? view.width / view.pxPerSec : Infinity;
  useEffect(() => {
    if (!view || seconds > maxSeconds) return;
    const timer = setTimeout(() => {
      const start = Math.round(view.start * 1000) / 1000;
      const end = Math.round((view.start + seconds) * 1000) / 1000;
      setSettled({ start, end, width: Math.round(view.width) });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [view, seconds, maxSeconds]);
  return seconds > maxSeconds ? null : settled;
}
