'use client';

import { useSyncExternalStore } from 'react';

/**
 * The frame on screen, kept outside React state: the player reports up to 60 frames a second, and
 * only what draws the frame subscribes (`useFrame`: the overlay's shapes, the toolbar's number, the
 * timeline's playhead), so playing never re-renders the side panel (track list, attributes, the
 * submit bar). Keys and gestures read `current`, never a frame captured a render ago.
 */
export class FrameClock {
  private frame = 0;
  private readonly listeners = new Set<() => void>();

  get current(): number {
    return this.frame;
  }

  set(frame: number): void {
    if (frame === this.frame) return;
    this.frame = frame;
    for (const listener of this.listeners) listener();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The frame on screen; re-renders the caller on every new frame (only frame-driven parts should call it). */
export function useFrame(clock: FrameClock): number {
  return useSyncExternalStore(
    clock.subscribe,
    () => clock.current,
    () => 0,
  );
}
