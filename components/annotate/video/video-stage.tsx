'use client';

import { useEffect, useRef, useState } from 'react';
import type { FrameMap } from '@/lib/annotate/video/frame-time';
import { ErrorState } from '@/components/ui/states';
import { VideoBinding, type VideoEvents } from './video-binding';
import { VideoOverlay, type FrameBox, type OverlayEvents } from './video-overlay';

export interface VideoStageProps {
  playUrl: string;
  map: FrameMap;
  /** Width / height of the picture: the stage keeps it, so the overlay covers exactly the frame. */
  aspect: number;
  boxes: readonly FrameBox[];
  /** A box dragged on empty space makes a track (a track class is chosen and the item is open). */
  canDraw: boolean;
  overlay: OverlayEvents;
  video: VideoEvents;
  onBinding: (binding: VideoBinding | null) => void;
}

/** The player with the frame's boxes over it. */
export function VideoStage({ playUrl, map, aspect, boxes, canDraw, overlay: overlayEvents, video, onBinding }: VideoStageProps) {
  const host = useRef<HTMLDivElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const latest = useRef({ overlayEvents, video, onBinding });
  const [overlay, setOverlay] = useState<VideoOverlay | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    latest.current = { overlayEvents, video, onBinding };
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
      onBox: (id, b) => latest.current.overlayEvents.onBox(id, b),
      onSelect: (id, additive) => latest.current.overlayEvents.onSelect(id, additive),
    });
    const box = layer.current;
    const resize = new ResizeObserver(() => made.resize(box.clientWidth, box.clientHeight));
    resize.observe(box);
    made.resize(box.clientWidth, box.clientHeight);
    setOverlay(made);
    latest.current.onBinding(binding);
    return () => {
      resize.disconnect();
      latest.current.onBinding(null);
      made.destroy();
      binding.destroy();
      setOverlay(null);
    };
  }, [playUrl, map]);

  useEffect(() => overlay?.sync(boxes, canDraw), [overlay, boxes, canDraw]);

  if (failure) return <ErrorState error={new Error(`The video could not be played: ${failure}`)} />;
  return (
    <div className="relative w-full bg-black" style={{ aspectRatio: String(aspect) }} data-testid="video-stage">
      <div ref={host} className="absolute inset-0" />
      <div ref={layer} className="absolute inset-0" data-testid="video-overlay" data-boxes={describe(boxes)} />
    </div>
  );
}

/** The boxes drawn, as text a test (or a person in the inspector) can read: `id x,y,w,h[ key]` per box. */
function describe(boxes: readonly FrameBox[]): string {
  return boxes
    .map(
      (b) => `${b.id} ${[b.x, b.y, b.w, b.h].map((v) => v.toFixed(4)).join(',')}${b.keyframe ? ' key' : b.held ? ' held' : ''}`,
    )
    .join('; ');
}
