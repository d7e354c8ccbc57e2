'use client';

import { useRef, useState } from 'react';
import { nextRate } from './video-shortcuts';
import type { VideoBinding } from './video-binding';

/** Playback state around the player, for the label and the review views: the frame on screen, playing, speed. */
export function useVideoPlayback() {
  // State, not a ref: the toolbar and the keys need a render once the player is up.
  const [video, setVideo] = useState<VideoBinding | null>(null);
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [rate, setRateState] = useState(1);
  // Keys and gestures read the frame here: a handler made a render ago must not act on an older frame.
  const frameRef = useRef(0);

  const onFrame = (f: number) => {
    frameRef.current = f;
    setFrame(f);
  };
  const setRate = (r: number) => {
    setRateState(r);
    video?.setRate(r);
  };
  return {
    video,
    setVideo,
    frame,
    frameRef,
    onFrame,
    playing,
    setPlaying,
    rate,
    setRate,
    stepRate: (direction: 1 | -1) => setRate(nextRate(rate, direction)),
  };
}

export type VideoPlayback = ReturnType<typeof useVideoPlayback>;
