import videojs from 'video.js';
import type Player from 'video.js/dist/types/player';
import { clampFrameTo, frameAtTime, seekTimeForFrame, type FrameMap } from '@/lib/annotate/video/frame-time';

// The thin layer between video.js and the video editor. video.js plays the proxy (H.264, a keyframe
// every second, fetched with range requests by the browser); the frame on screen is known exactly from
// requestVideoFrameCallback's mediaTime (the presented frame's timestamp) looked up in the worker's
// frame map — never from currentTime arithmetic with a nominal fps, which is off by one on variable
// frame rate sources and after seeks. Seeks go to the middle of a frame's display interval.

export interface VideoEvents {
  /** The frame now on screen (after a seek, a step, or every frame during playback). */
  onFrame: (frame: number) => void;
  onPlaying: (playing: boolean) => void;
  onError: (message: string) => void;
}

interface FrameMetadata {
  mediaTime: number;
}
type FrameCallbackVideo = HTMLVideoElement & {
  requestVideoFrameCallback?: (cb: (now: number, meta: FrameMetadata) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

export const PLAYBACK_RATES = [0.25, 0.5, 1, 1.5, 2] as const;

export class VideoBinding {
  readonly player: Player;
  private readonly video: FrameCallbackVideo;
  private shown = 0;
  /** The frame a seek is on its way to: steps pressed in a row count from it, not from the screen. */
  private target: number | null = null;
  private frameHandle = 0;
  private destroyed = false;

  constructor(
    host: HTMLElement,
    private readonly map: FrameMap,
    src: string,
    private readonly events: VideoEvents,
  ) {
    this.video = document.createElement('video') as FrameCallbackVideo;
    this.video.className = 'video-js';
    this.video.setAttribute('playsinline', '');
    host.appendChild(this.video);
    this.player = videojs(this.video, {
      controls: false,
      preload: 'auto',
      fill: true,
      loadingSpinner: true,
      bigPlayButton: false,
      // Without video.js's stylesheet its control bar and dialogs would show as bare text under the
      // picture ("/ Duration 0:06" in the review view): the editor has its own controls.
      controlBar: false,
      textTrackSettings: false,
      textTrackDisplay: false,
      errorDisplay: false,
      // The page owns every key: video.js must not take Space or the arrows.
      userActions: { hotkeys: false, doubleClick: false, click: false },
    });
    // video.js's stylesheet is not loaded (its icon font is a data: URL our CSP refuses, and the
    // editor draws its own controls): the player and its <video> fill the stage, the picture contained.
    this.player.el().setAttribute('style', 'position:absolute;inset:0;width:100%;height:100%');
    this.video.setAttribute('style', 'width:100%;height:100%;object-fit:contain;display:block');
    // Set after video.js made its wrapper, which copies the tag's attributes: only the <video> carries it.
    this.video.dataset.testid = 'video-media';
    this.player.src({ src, type: 'video/mp4' });
    this.player.on('play', () => this.events.onPlaying(true));
    this.player.on('pause', () => {
      this.events.onPlaying(false);
      // Paused mid-frame, the picture drawn from the element can be the frame after the last one
      // presented: settle on the frame the annotator saw when pausing, so the number neither jumps
      // after the pause nor disagrees with the picture.
      if (this.target === null) this.seekFrame(this.shown);
    });
    this.player.on('ended', () => this.events.onPlaying(false));
    this.player.on('error', () => this.events.onError(this.player.error()?.message || 'The video could not be played'));
    this.player.on('loadeddata', () => this.seekFrame(0));
    this.watchFrames();
  }

  /** The <video> element that shows the frames (the overlay and tests read it). */
  get element(): HTMLVideoElement {
    return this.video;
  }

  get frame(): number {
    return this.shown;
  }

  get frameCount(): number {
    return this.map.frameCount;
  }

  /** Shows frame `n` (clamped into the video), paused. */
  seekFrame(n: number): void {
    const frame = clampFrameTo(this.map, n);
    if (!this.video.paused) this.video.pause();
    this.target = frame;
    this.video.currentTime = seekTimeForFrame(this.map, frame);
  }

  /** Steps from the frame on screen, or from where a seek still in flight is going. */
  step(delta: number): void {
    this.seekFrame((this.target ?? this.shown) + delta);
  }

  playPause(): void {
    if (this.video.paused) void this.video.play().catch((e: unknown) => this.events.onError(String(e)));
    else this.video.pause();
  }

  setRate(rate: number): void {
    this.video.playbackRate = rate;
    this.video.preservesPitch = true;
  }

  destroy(): void {
    this.destroyed = true;
    this.video.cancelVideoFrameCallback?.(this.frameHandle);
    this.player.dispose();
  }

  private watchFrames(): void {
    const video = this.video;
    if (!video.requestVideoFrameCallback) {
      // Without the callback (old Safari) the frame follows currentTime, exact when paused after a seek.
      video.addEventListener('seeked', () => this.present(video.currentTime));
      video.addEventListener('timeupdate', () => this.present(video.currentTime));
      return;
    }
    const next = (_now: number, meta: FrameMetadata) => {
      if (this.destroyed) return;
      this.present(meta.mediaTime);
      this.frameHandle = video.requestVideoFrameCallback!(next);
    };
    this.frameHandle = video.requestVideoFrameCallback(next);
    // A seek to the frame already on screen presents nothing new: report it on 'seeked'.
    video.addEventListener('seeked', () => {
      if (this.target !== null && this.target === frameAtTime(this.map, video.currentTime) && this.target === this.shown) {
        this.target = null;
        this.events.onFrame(this.shown);
      }
    });
  }

  private present(mediaTime: number): void {
    const frame = frameAtTime(this.map, mediaTime);
    if (this.target !== null && frame === this.target) this.target = null;
    this.shown = frame;
    this.video.dataset.frame = String(frame);
    this.events.onFrame(frame);
  }
}
