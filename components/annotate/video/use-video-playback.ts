'use client';

import { useState } from 'react';
import { FrameClock } from './frame-clock';
import { nextRate } from './video-shortcuts';
import type { VideoBinding } from './video-binding';

/**
 * Playback state around the player, for the label and the review views: the frame on screen (a
 * clock only the frame-driven parts subscribe to, frame-clock.ts), playing, speed.
 */
export function useVideoPlayback() {
  // State, not a ref: the toolbar and the keys need a render once the player is up.
  const [video, setVideo] = useState<VideoBinding | null>(null);
  const [clock] = useState(() => new FrameClock());
  const [playing, setPlaying] = useState(false);
  const [rate, setRateState] = useState(1);

  const onFrame = (f: number) => clock.set(f);
  const setRate = (r: number) => {
    setRateState(r);
    video?.setRate(r);
  };
  return {
    video,
    setVideo,
    clock,
    onFrame,
    playing,
    setPlaying,
    rate,
    setRate,
    stepRate: (direction: 1 | -1) => setRate(nextRate(rate, direction)),
  };
}

export type VideoPlayback = ReturnType<typeof useVideoPlayback>;
