'use client';

import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, type JSX, type PointerEvent, type Ref } from 'react';
import type { EditorRegion } from '@/lib/annotate/patch';
import { clampFrame } from '@/lib/annotate/video/events';
import { keyframeIndex } from '@/lib/annotate/video/tracks';
import {
  fitView,
  frameToX,
  hitTimeline,
  layoutTimeline,
  timelineRows,
  zoomAt,
  type TimelineLayout,
} from '@/lib/annotate/video/timeline';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { drawTimeline, LABEL_W, ROW_H, RULER_H } from './draw-timeline';
import { useFrame, type FrameClock } from './frame-clock';
import { useTimelineView } from './use-timeline-view';

export interface VideoTimelineHandle {
  /** Zooms by `factor` about the playhead (keys, buttons). */
  zoom: (factor: number) => void;
  /** Shows the whole video. */
  fit: () => void;
}

export interface VideoTimelineProps {
  regions: readonly EditorRegion[];
  classes: readonly TTaxonomyClass[];
  frameCount: number;
  /** The playhead's frame: the timeline re-renders on each, the page around it does not. */
  clock: FrameClock;
  playing: boolean;
  selected: ReadonlySet<string>;
  diff?: ReadonlyMap<string, 'added' | 'changed' | 'removed'>;
  editable: boolean;
  onSeek: (frame: number) => void;
  onSelect: (id: string | null, additive: boolean) => void;
  onEventSpan?: (id: string, start: number, end: number) => void;
  /** The event class chosen in the editor: its lane is always shown, and a drag on it makes an event. */
  eventClassId?: string | null;
  /** A drag on the chosen event class's lane, from its first to its last frame (in drag order). */
  onEventCreate?: (from: number, to: number) => void;
  onKeyframeMove?: (trackId: string, from: number, to: number) => void;
  onEditStart?: () => void;
  onEditEnd?: () => void;
  /** Seconds at a frame (the frame map's times): shown beside frame numbers on the ruler. */
  timeOf?: (frame: number) => number;
  ref?: Ref<VideoTimelineHandle>;
}

/** The rows box never grows past this; more rows scroll (the canvas draws only those in view). */
const MAX_H = 240;
/** A press moving less than this is a click, not a drag (no history entry, no edit). */
const DRAG_SLOP_PX = 3;

/** A press not yet moved DRAG_SLOP_PX has not started: it is still a click. */
interface Press {
  x0: number;
  started: boolean;
}
type Drag =
  | { kind: 'seek'; last: number }
  | (Press & { kind: 'keyframe'; trackId: string; row: number; from: number; to: number; low: number; high: number })
  | (Press & { kind: 'create'; row: number; from: number; to: number })
  | (Press & { kind: 'edge' | 'move'; id: string; side: 'start' | 'end'; start: number; end: number; last: string });

/**
 * The timeline under the video: a frame ruler, a row per track (its extent, occluded stretches
 * hatched, keyframe diamonds) and per lane of each event class, and the playhead. One canvas drawn
 * at most once per animation frame; its rows are virtualized inside a native vertical scroller.
 */
export function VideoTimeline(props: VideoTimelineProps): JSX.Element {
  const { regions, classes, frameCount, clock, playing, ref } = props;
  const frame = useFrame(clock);
  const scroller = useRef<HTMLDivElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const { view, update } = useTimelineView({ sizeTarget: content, scroller, labelWidth: LABEL_W, frameCount, frame, playing });

  const classOrder = useMemo(() => classes.map((c) => c.id), [classes]);
  const classMap = useMemo(() => new Map(classes.map((c) => [c.id, c])), [classes]);
  const openLane = props.editable && props.onEventCreate ? (props.eventClassId ?? null) : null;
  const rows = useMemo(() => timelineRows(regions, classOrder, openLane), [regions, classOrder, openLane]);
  const trackCount = rows.filter((r) => r.kind === 'track').length;
  const eventCount = rows.reduce((n, r) => n + (r.kind === 'events' ? r.events.length : 0), 0);
  // An empty timeline keeps room for its message and for clicks that seek.
  const height = Math.min(MAX_H, RULER_H + Math.max(rows.length, 2) * ROW_H);

  const drag = useRef<Drag | null>(null);
  const layout = useRef<TimelineLayout>({ from: 0, to: -1, tracks: [], events: [] });
  const scene = useRef({ props, frame, rows, view, classMap, height });
  const pending = useRef(0);

  const draw = useCallback(() => {
    pending.current = 0;
    const { props: p, frame: f, rows: rs, view: v, classMap: cm, height: h } = scene.current;
    const el = canvas.current;
    if (!el || !v) return;
    const scrollTop = scroller.current?.scrollTop ?? 0;
    const rowRange = { first: Math.floor(scrollTop / ROW_H), count: Math.ceil((h - RULER_H) / ROW_H) + 1 };
    layout.current = layoutTimeline(rs, v, p.frameCount, rowRange);
    const d = drag.current;
    drawTimeline(el, {
      view: v,
      height: h,
      frameCount: p.frameCount,
      frame: f,
      rows: rs,
      scrollTop,
      layout: layout.current,
      classes: cm,
      selected: p.selected,
      diff: p.diff,
      ghost: d?.kind === 'keyframe' && d.started ? { row: d.row, frame: d.to } : null,
      draftEvent: d?.kind === 'create' && d.started ? { row: d.row, from: d.from, to: d.to } : null,
      timeOf: p.timeOf,
    });
  }, []);
  // Every cause of a redraw (props, view, scroll, drag) lands here; they coalesce into one paint a frame.
  const requestDraw = useCallback(() => {
    if (!pending.current) pending.current = requestAnimationFrame(draw);
  }, [draw]);

  useEffect(() => {
    scene.current = { props, frame, rows, view, classMap, height };
    requestDraw();
  });
  // Zeroed on cancel: a Strict Mode remount must be able to schedule again.
  useEffect(
    () => () => {
      cancelAnimationFrame(pending.current);
      pending.current = 0;
    },
    [],
  );

  useImperativeHandle(ref, () => ({
    zoom: (factor) => update((v) => zoomAt(v, factor, Math.min(Math.max(0, frameToX(v, frame)), v.width), frameCount)),
    fit: () => update((v) => fitView(frameCount, v.width)),
  }));

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };
  /** The frame boundary nearest a pixel of the track area (event edges sit between frames). */
  const boundaryAt = (x: number) => (view ? Math.round(view.first + (x - LABEL_W) / view.pxPerFrame) : 0);
  const frameAt = (x: number) => clampFrame(view ? Math.floor(view.first + (x - LABEL_W) / view.pxPerFrame) : 0, frameCount);

  const seek = (f: number) => {
    drag.current = { kind: 'seek', last: f };
    props.onSeek(f);
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0 || !view) return;
    const { x, y } = point(e);
    const additive = e.shiftKey || e.metaKey || e.ctrlKey;
    e.currentTarget.setPointerCapture(e.pointerId);
    if (y < RULER_H) {
      if (x >= LABEL_W) seek(frameAt(x));
      return;
    }
    const row = Math.floor((y - RULER_H + (scroller.current?.scrollTop ?? 0)) / ROW_H);
    const r = rows[row];
    if (r && x < LABEL_W) {
      if (r.kind === 'track') props.onSelect(r.track.id, additive);
      return;
    }
    const hit = r ? hitTimeline(layout.current, row, x - LABEL_W) : null;
    if (!hit) {
      // Empty space: a seek, and (as anywhere in an editor) a click on nothing clears the selection.
      if (!additive) props.onSelect(null, false);
      if (x < LABEL_W) return;
      // On the chosen event class's lane a drag draws a new event; a click there still seeks (on release).
      if (r?.kind === 'events' && r.classId === openLane) {
        drag.current = { kind: 'create', row, from: frameAt(x), to: frameAt(x), x0: x, started: false };
        return;
      }
      seek(frameAt(x));
      return;
    }
    if (hit.kind === 'track') return props.onSelect(hit.trackId, additive);
    if (hit.kind === 'keyframe') {
      props.onSelect(hit.trackId, additive);
      props.onSeek(hit.frame);
      const track = r?.kind === 'track' ? r.track : null;
      const i = track ? keyframeIndex(track.keyframes, hit.frame) : -1;
      if (!track || i < 0 || !props.editable || track.locked || !props.onKeyframeMove) return;
      // Stops where moveKeyframe would: a keyframe cannot pass its neighbours.
      const low = i > 0 ? track.keyframes[i - 1]!.frame + 1 : 0;
      const high = i < track.keyframes.length - 1 ? track.keyframes[i + 1]!.frame - 1 : Math.max(0, frameCount - 1);
      drag.current = {
        kind: 'keyframe',
        trackId: track.id,
        row,
        from: hit.frame,
        to: hit.frame,
        low,
        high,
        x0: x,
        started: false,
      };
      return;
    }
    const id = hit.eventId;
    props.onSelect(id, additive);
    const ev = r?.kind === 'events' ? r.events.find((v) => v.id === id) : undefined;
    if (!ev || !props.editable || ev.locked || !props.onEventSpan) return;
    const side = hit.kind === 'event-edge' ? hit.side : 'start';
    const kind = hit.kind === 'event-edge' ? 'edge' : 'move';
    drag.current = { kind, id, side, start: ev.start, end: ev.end, x0: x, started: false, last: `${ev.start}:${ev.end}` };
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    const { x, y } = point(e);
    if (!d || !view) {
      e.currentTarget.style.cursor = cursorAt(x, y);
      return;
    }
    if (d.kind === 'seek') {
      const f = frameAt(x);
      if (f !== d.last) seek(f);
      return;
    }
    if (d.kind === 'create') {
      if (!d.started && Math.abs(x - d.x0) < DRAG_SLOP_PX) return;
      d.started = true;
      d.to = frameAt(x);
      requestDraw();
      return;
    }
    if (!d.started) {
      if (Math.abs(x - d.x0) < DRAG_SLOP_PX) return;
      d.started = true;
      props.onEditStart?.();
    }
    if (d.kind === 'keyframe') {
      d.to = Math.min(Math.max(frameAt(x), d.low), d.high);
      requestDraw();
      return;
    }
    const last = Math.max(0, frameCount - 1);
    let { start, end } = d;
    if (d.kind === 'move') {
      const delta = Math.min(Math.max(Math.round((x - d.x0) / view.pxPerFrame), -d.start), last - d.end);
      start += delta;
      end += delta;
    } else if (d.side === 'start') start = Math.min(Math.max(0, boundaryAt(x)), d.end);
    // The end edge is the boundary after the last frame: the frame before it is the new end.
    else end = Math.max(Math.min(last, boundaryAt(x) - 1), d.start);
    const key = `${start}:${end}`;
    if (key === d.last) return;
    d.last = key;
    props.onEventSpan?.(d.id, start, end);
  };

  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    if (d?.kind === 'create') {
      if (!d.started) props.onSeek(d.from);
      else if (e.type === 'pointerup') props.onEventCreate?.(d.from, d.to);
      requestDraw();
      return;
    }
    if (!d || d.kind === 'seek' || !d.started) return;
    if (d.kind === 'keyframe' && d.to !== d.from && e.type === 'pointerup') props.onKeyframeMove?.(d.trackId, d.from, d.to);
    props.onEditEnd?.();
    requestDraw();
  };

  /** What the pointer would grab, as a cursor: the canvas gives no other hover feedback. */
  const cursorAt = (x: number, y: number): string => {
    if (y < RULER_H) return x >= LABEL_W ? 'col-resize' : 'default';
    if (x < LABEL_W) return 'default';
    const row = Math.floor((y - RULER_H + (scroller.current?.scrollTop ?? 0)) / ROW_H);
    const hit = hitTimeline(layout.current, row, x - LABEL_W);
    if (!hit) return 'text';
    if (!props.editable || hit.kind === 'track') return 'pointer';
    return hit.kind === 'event' ? 'grab' : 'ew-resize';
  };

  const label =
    `Timeline: ${trackCount} ${trackCount === 1 ? 'track' : 'tracks'}, ${eventCount} ${eventCount === 1 ? 'event' : 'events'}; ` +
    `frame ${frame} of ${Math.max(0, frameCount - 1)}`;
  return (
    <div
      className="relative select-none overflow-hidden rounded border border-zinc-200 bg-white"
      data-testid="video-timeline"
      data-first={view?.first ?? 0}
      data-px-per-frame={view?.pxPerFrame ?? 0}
      data-rows={rows.length}
    >
      <div ref={scroller} className="overflow-y-auto overscroll-contain" style={{ maxHeight: MAX_H }} onScroll={requestDraw}>
        <div ref={content} className="relative" style={{ height: RULER_H + rows.length * ROW_H, minHeight: height }}>
          <canvas
            ref={canvas}
            role="img"
            aria-label={label}
            className="sticky top-0 block w-full touch-none"
            style={{ height }}
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
            onPointerLeave={(e) => {
              if (!drag.current) e.currentTarget.style.cursor = '';
            }}
          />
        </div>
      </div>
      {rows.length === 0 && (
        <p
          className="pointer-events-none absolute inset-x-0 bottom-0 flex items-center justify-center text-sm text-zinc-500"
          style={{ top: RULER_H }}
        >
          No tracks yet: draw a box on the video
        </p>
      )}
    </div>
  );
}
