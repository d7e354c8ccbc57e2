'use client';

import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { FrameMap } from '@/lib/annotate/video/frame-time';
import { ErrorState } from '@/components/ui/states';
import { useFrame, type FrameClock } from './frame-clock';
import { VideoBinding, type VideoEvents } from './video-binding';
import { VideoOverlay, type DraftControl, type DrawTool, type FrameBox, type OverlayEvents } from './video-overlay';

export interface VideoStageProps {
  playUrl: string;
  map: FrameMap;
  /** Width / height of the picture: the stage keeps it, so the overlay covers exactly the frame. */
  aspect: number;
  /** The frame on screen: the stage re-renders on each, the page around it does not. */
  clock: FrameClock;
  /** The shapes drawn on a frame (keep it stable: a new function redraws the frame). */
  shapesAt: (frame: number) => readonly FrameBox[];
  /** What a press on empty space draws into a new track (a track class is chosen and the item is open). */
  tool: DrawTool;
  overlay: OverlayEvents;
  /** Filled with the overlay while it exists, for the keys that close or drop a polygon being drawn. */
  draft?: RefObject<DraftControl | null>;
  video: VideoEvents;
  onBinding: (binding: VideoBinding | null) => void;
}

/** The player with the frame's boxes over it. */
export function VideoStage(props: VideoStageProps) {
  const { playUrl, map, aspect, clock, shapesAt, tool, overlay: overlayEvents, draft, video, onBinding } = props;
  const frame = useFrame(clock);
  const boxes = useMemo(() => shapesAt(frame), [shapesAt, frame]);
  const host = useRef<HTMLDivElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const latest = useRef({ overlayEvents, video, onBinding, draft });
  const [overlay, setOverlay] = useState<VideoOverlay | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    latest.current = { overlayEvents, video, onBinding, draft };
  });

  useEffect(() => {
    if (!host.current || !layer.current) return;
    // Callbacks go through `latest`: the player and the overlay are made once per video.
    const binding = new VideoBinding(host.current, map, playUrl, {
      onFrame: (f) => latest.current.video.onFrame(f),
      onPlaying: (p) => latest.current.video.onPlaying(p),
      onError: (message) => setFailure(message),
    });
    const made = new VideoOverlay(layer.current, {
      onDraw: (b) => latest.current.overlayEvents.onDraw(b),
      onDrawPolygon: (points) => latest.current.overlayEvents.onDrawPolygon(points),
      onBox: (id, b) => latest.current.overlayEvents.onBox(id, b),
      onPoints: (id, points) => latest.current.overlayEvents.onPoints(id, points),
      onSelect: (id, additive) => latest.current.overlayEvents.onSelect(id, additive),
      onDrafting: (active) => latest.current.overlayEvents.onDrafting(active),
    });
    if (latest.current.draft) latest.current.draft.current = made;
    const box = layer.current;
    const resize = new ResizeObserver(() => made.resize(box.clientWidth, box.clientHeight));
    resize.observe(box);
    made.resize(box.clientWidth, box.clientHeight);
    setOverlay(made);
    latest.current.onBinding(binding);
    return () => {
      resize.disconnect();
      latest.current.onBinding(null);
      if (latest.current.draft) latest.current.draft.current = null;
      made.destroy();
      binding.destroy();
      setOverlay(null);
    };
  }, [playUrl, map]);

  useEffect(() => overlay?.sync(boxes, tool), [overlay, boxes, tool]);

  if (failure) return <ErrorState error={new Error(`The video could not be played: ${failure}`)} />;
  return (
    <div className="relative w-full bg-black" style={{ aspectRatio: String(aspect) }} data-testid="video-stage">
      <div ref={host} className="absolute inset-0" />
      <div ref={layer} className="absolute inset-0" data-testid="video-overlay" data-boxes={describe(boxes)} />
    </div>
  );
}

/**
 * The shapes drawn, as text a test (or a person in the inspector) can read: `id x,y,w,h[ key| held]`
 * per box, a polygon's points after it as ` points x:y x:y …`.
 */
function describe(boxes: readonly FrameBox[]): string {
  const fixed = (v: number) => v.toFixed(4);
  return boxes
    .map((b) => {
      const points = b.points ? ` points ${b.points.map(([x, y]) => `${fixed(x)}:${fixed(y)}`).join(' ')}` : '';
      return `${b.id} ${[b.x, b.y, b.w, b.h].map(fixed).join(',')}${b.keyframe ? ' key' : b.held ? ' held' : ''}${points}`;
    })
    .join('; ');
}
