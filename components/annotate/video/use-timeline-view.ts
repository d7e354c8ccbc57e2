'use client';

import { useCallback, useEffect, useState, type RefObject } from 'react';
import { clampView, fitView, followFrame, scrollBy, zoomAt, type TimelineView } from '@/lib/annotate/video/timeline';

// The timeline's zoom and scroll: sized by a ResizeObserver, zoomed with Ctrl/⌘+wheel about the
// cursor, scrolled with the wheel, and paged along with the playhead. Kept in React state so the
// root's data-* attributes (what e2e reads) always match what is drawn.

interface Stored {
  view: TimelineView;
  frameCount: number;
}

/** Pixels per wheel "line" and "page" (Firefox reports lines with a mouse wheel). */
const LINE_PX = 16;
/** Zoom per pixel of wheel delta: a notch (100 px) zooms by ~18 %, a pinch step by a percent or two. */
const ZOOM_PER_PX = 0.002;

export function useTimelineView(opts: {
  /** Measured for the width; its width less `labelWidth` is the track area. */
  sizeTarget: RefObject<HTMLElement | null>;
  /** Takes the wheel; vertical scrolling of the rows stays native on it. */
  scroller: RefObject<HTMLElement | null>;
  labelWidth: number;
  frameCount: number;
  frame: number;
  playing: boolean;
}) {
  const { sizeTarget, scroller, labelWidth, frameCount, frame, playing } = opts;
  const [stored, setStored] = useState<Stored | null>(null);
  // A view measured for another video is refitted rather than shown clamped to the wrong length.
  const view = stored && stored.frameCount === frameCount ? stored.view : null;

  const update = useCallback(
    (change: (v: TimelineView) => TimelineView) =>
      setStored((s) => {
        if (!s || s.frameCount !== frameCount) return s;
        const next = change(s.view);
        return next === s.view ? s : { view: next, frameCount };
      }),
    [frameCount],
  );

  useEffect(() => {
    const el = sizeTarget.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      const width = Math.max(1, Math.floor(el.clientWidth) - labelWidth);
      setStored((s) => {
        if (!s || s.frameCount !== frameCount) return { view: fitView(frameCount, width), frameCount };
        if (s.view.width === width) return s;
        // A view showing the whole video keeps showing all of it; a zoomed one keeps its zoom and left edge.
        const whole = s.view.first === 0 && s.view.pxPerFrame <= fitView(frameCount, s.view.width).pxPerFrame;
        const view = whole ? fitView(frameCount, width) : clampView({ ...s.view, width }, frameCount);
        return { view, frameCount };
      });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [sizeTarget, labelWidth, frameCount]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      const unit = e.deltaMode === 1 ? LINE_PX : e.deltaMode === 2 ? el.clientWidth : 1;
      const x = e.clientX - el.getBoundingClientRect().left - labelWidth;
      if (e.ctrlKey || e.metaKey) {
        // Also what a trackpad pinch sends; the page must not zoom instead.
        e.preventDefault();
        const delta = Math.max(-300, Math.min(300, e.deltaY * unit));
        update((v) => zoomAt(v, Math.exp(-delta * ZOOM_PER_PX), Math.min(Math.max(0, x), v.width), frameCount));
        return;
      }
      const rowsScroll = el.scrollHeight > el.clientHeight + 1;
      // Shift+wheel is horizontal (some browsers already turn it into deltaX). Without shift, a
      // mostly-horizontal gesture scrolls time; a vertical one scrolls the rows when they overflow,
      // else time too, and always the rows over the label column.
      let dx = 0;
      if (e.shiftKey) dx = e.deltaX || e.deltaY;
      else if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) dx = e.deltaX;
      else if (!rowsScroll && x >= 0) dx = e.deltaY;
      if (dx === 0) return;
      e.preventDefault();
      update((v) => scrollBy(v, dx * unit, frameCount));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [scroller, labelWidth, frameCount, update]);

  // The playhead leaving the view (playback, frame steps, a seek from elsewhere) pages the view to
  // it; a view scrolled away while paused stays put, as the frame has not moved.
  useEffect(() => {
    update((v) => followFrame(v, Math.min(Math.max(0, frame), Math.max(0, frameCount - 1)), frameCount));
  }, [frame, playing, frameCount, update]);

  return { view, update };
}
