'use client';

import { useEffect, useRef, useState } from 'react';
import { currentSegment } from '@/lib/annotate/audio/navigation';
import type { Segment } from '@/lib/annotate/audio/segments';
import { formatTime } from '@/lib/annotate/audio/time-format';
import { PLAYBACK_RATES } from './audio-shortcuts';
import type { WaveformBinding } from './waveform-binding';

/**
 * Playback around a waveform, for the label and the review views: playing, speed (pitch kept),
 * looping the segment being played, and which segment is under the playhead. The playhead moves 60
 * times a second: it is written to the clock element directly, and React only hears of it when the
 * segment under it changes.
 */
export function useAudioPlayback(sorted: readonly Segment[]) {
  // State, not a ref: the toolbar and the keys need a render once the waveform is up.
  const [wave, setWave] = useState<WaveformBinding | null>(null);
  const clock = useRef<HTMLSpanElement>(null);
  const goToBox = useRef<HTMLInputElement>(null);
  const [playing, setPlaying] = useState(false);
  const [rate, setRateState] = useState(1);
  const [loop, setLoop] = useState(false);
  const [spectrogram, setSpectrogram] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  const time = useRef(0);
  const sortedRef = useRef(sorted);
  useEffect(() => {
    sortedRef.current = sorted;
  });
  const currentRef = useRef<string | null>(null);

  const onTime = (t: number) => {
    time.current = t;
    if (clock.current) clock.current.textContent = formatTime(t);
    const under = currentSegment(sortedRef.current, t)?.id ?? null;
    if (under !== currentRef.current) {
      currentRef.current = under;
      setCurrent(under);
    }
  };

  const setRate = (next: number) => {
    setRateState(next);
    // Pitch is kept, so a fast or slow voice still sounds like the speaker.
    wave?.ws.setPlaybackRate(next, true);
  };
  const stepRate = (direction: 1 | -1) => {
    const i = PLAYBACK_RATES.indexOf(rate as (typeof PLAYBACK_RATES)[number]);
    const next = PLAYBACK_RATES[Math.min(Math.max((i < 0 ? 2 : i) + direction, 0), PLAYBACK_RATES.length - 1)]!;
    setRate(next);
  };

  /** Loop off: playback goes on past the segment (the Loop button and the binding agree). */
  const stopLoop = () => {
    setLoop(false);
    wave?.stopLoop();
  };
  /** Loop on: the segment is played over and over; off again. Nothing to loop, nothing happens. */
  const toggleLoop = (target: Segment | null): boolean | void => {
    if (loop) return stopLoop();
    if (!target || !wave) return false;
    setLoop(true);
    wave.playSpan(target.id, true);
  };

  return {
    spectrogram,
    toggleSpectrogram: () => setSpectrogram((on) => !on),
    wave,
    setWave,
    clock,
    goToBox,
    playing,
    setPlaying,
    rate,
    setRate,
    stepRate,
    loop,
    toggleLoop,
    stopLoop,
    current,
    /**
     * The playhead now: the media element's own time, which a skip or a seek sets at once, rather than
     * the last time event (a key pressed right after a skip must act at the new time).
     */
    now: () => wave?.ws.getCurrentTime() ?? time.current,
    onTime,
  };
}

export type AudioPlayback = ReturnType<typeof useAudioPlayback>;
