'use client';

import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { nearestSample } from '@/lib/annotate/audio/lens';
import type { WaveView } from './use-settled-window';
import type { WaveformBinding, WaveSegment } from './waveform-binding';

/** An edge this close to the pointer (CSS px) is picked up rather than the click seeking. */
const GRAB_PX = 6;

export interface SampleEdgeEvents {
  /** A segment's edge dropped on a sample. */
  onEdge: (id: string, side: 'start' | 'end', t: number) => void;
}

interface Grab {
  id: string;
  side: 'start' | 'end';
  x: number;
}

/**
 * Over the sample view: the segments' edges in view, the playhead, and the pointer. A press near an
 * editable edge drags it, and it lands on the nearest sample; a press elsewhere puts the playhead on
 * the nearest sample (I / O then mark there).
 */
export function SampleOverlay(
  props: SampleEdgeEvents & {
    view: WaveView;
    sampleRate: number;
    segments: readonly WaveSegment[];
    editable: boolean;
    binding: WaveformBinding;
  },
) {
  const { view, sampleRate, segments, editable, binding, onEdge } = props;
  const [grab, setGrab] = useState<Grab | null>(null);
  const playhead = useRef<HTMLDivElement>(null);
  const end = view.start + view.width / view.pxPerSec;
  const xOf = (t: number) => (t - view.start) * view.pxPerSec;
  const timeOf = (e: PointerEvent) =>
    nearestSample(view.start + (e.clientX - e.currentTarget.getBoundingClientRect().left) / view.pxPerSec, sampleRate);

  // The playhead moves 60 times a second while playing: written to the DOM, not through React.
  useEffect(() => {
    const place = (t: number) => {
      if (!playhead.current) return;
      playhead.current.style.display = t >= view.start && t <= end ? '' : 'none';
      playhead.current.style.transform = `translateX(${(t - view.start) * view.pxPerSec}px)`;
    };
    place(binding.ws.getCurrentTime());
    return binding.ws.on('timeupdate', place);
  }, [binding, view.start, view.pxPerSec, end]);

  const edges = segments.flatMap((s) =>
    (['start', 'end'] as const).flatMap((side) =>
      s[side] >= view.start && s[side] <= end ? [{ segment: s, side, t: s[side] }] : [],
    ),
  );

  function press(e: PointerEvent<HTMLDivElement>) {
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    const near = editable
      ? edges
          .filter((edge) => edge.segment.editable && Math.abs(xOf(edge.t) - x) <= GRAB_PX)
          .sort((a, b) => Math.abs(xOf(a.t) - x) - Math.abs(xOf(b.t) - x))[0]
      : undefined;
    if (!near) {
      binding.seek(timeOf(e));
      return;
    }
    e.currentTarget.setPointerCapture(e.pointerId);
    setGrab({ id: near.segment.id, side: near.side, x });
  }

  return (
    <div
      className="absolute inset-0 cursor-crosshair"
      data-testid="sample-overlay"
      onPointerDown={press}
      onPointerMove={(e) => grab && setGrab({ ...grab, x: e.clientX - e.currentTarget.getBoundingClientRect().left })}
      onPointerUp={(e) => {
        if (!grab) return;
        setGrab(null);
        onEdge(grab.id, grab.side, timeOf(e));
      }}
      onPointerCancel={() => setGrab(null)}
    >
      {segments.map((s) => {
        const left = Math.max(xOf(s.start), 0);
        const right = Math.min(xOf(s.end), view.width);
        return right > left ? (
          <div
            key={s.id}
            className="pointer-events-none absolute inset-y-0"
            style={{ left, width: right - left, background: `${s.color}1f` }}
          />
        ) : null;
      })}
      {edges.map(({ segment, side, t }) => {
        const dragged = grab?.id === segment.id && grab.side === side;
        return (
          <div
            key={`${segment.id}:${side}`}
            className={`absolute inset-y-0 w-0.5 -translate-x-1/2 ${segment.editable && editable ? 'cursor-ew-resize' : ''}`}
            style={{ left: dragged ? grab.x : xOf(t), background: segment.color }}
            data-testid="sample-edge"
            data-segment-id={segment.id}
            data-side={side}
          />
        );
      })}
      <div
        ref={playhead}
        className="pointer-events-none absolute inset-y-0 left-0 w-0.5 bg-red-600"
        data-testid="sample-playhead"
      />
    </div>
  );
}
