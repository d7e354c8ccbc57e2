import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../scripts/lib/paths';

// What the video editor benchmark (video-editor.bench.ts) runs inside the page, through page.evaluate:
// the exported functions below (but `frameCodeScript`, which runs in Node) are serialized and must not
// close over anything. `armFrameProbe` installs a one-shot probe for the next step or seek and leaves
// its outcome on window as a promise; `frameOutcome` awaits it; `readScreen` draws the <video> into a
// canvas and reads the frame index from its pixels with lib/annotate/video/frame-code.ts itself.

export interface FrameOutcome {
  /** Input event → the <video>'s data-frame reaching the target (set in the editor's requestVideoFrameCallback). */
  presentedMs: number | null;
  /** Input event → a rAF after both data-frame and the toolbar's number show the target; null when they never did. */
  ms: number | null;
  inputSeen: boolean;
  before: string | null;
  dataFrame: string | null;
  shown: string | null;
}

export interface ScreenReading {
  /** The index decoded from the <video>'s pixels (null: unreadable, see `problem`). */
  decoded: number | null;
  problem: string | null;
  /** [data-testid="video-frame"]: the number the editor shows. */
  shown: number | null;
  dataFrame: number | null;
  currentTime: number;
  videoWidth: number;
  videoHeight: number;
}

export interface VideoProbeWindow extends Window {
  __loupeVideoStep?: Promise<FrameOutcome>;
  __loupeFrameCode?: {
    readFrameCode: (rgba: Uint8ClampedArray, w: number, h: number) => { index: number | null; problem: string | null };
  };
  __loupePlayback?: () => Record<string, number | null>;
}

/**
 * Node: lib/annotate/video/frame-code.ts (it imports nothing) transpiled to plain JS and wrapped so that,
 * evaluated in the page, it leaves the module's own readFrameCode on window.__loupeFrameCode: the
 * decoder the e2e and unit tests use, not a copy of it.
 */
export async function frameCodeScript(): Promise<string> {
  const source = await readFile(path.join(repoRoot, 'lib/annotate/video/frame-code.ts'), 'utf8');
  if (/^\s*import\s/m.test(source)) throw new Error('frame-code.ts now imports modules: bundle it instead of transpiling');
  const js = ts
    .transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } })
    .outputText.replace(/^export\s+/gm, '')
    .replace(/^\s*export\s*\{\s*\};?\s*$/gm, '');
  return `(() => {\n${js}\nwindow.__loupeFrameCode = { readFrameCode, decodeFrameIndex };\n})();`;
}

/**
 * Runs in the page: the next step key (an arrow) or Enter in the "Go to frame" box, from its keydown's
 * timestamp to the <video>'s data-frame becoming `expected` (the editor sets it in its
 * requestVideoFrameCallback, when the frame is presented) and, for `ms`, to a requestAnimationFrame
 * scheduled once the toolbar's frame number shows it too.
 */
export function armFrameProbe({ expected, timeoutMs, via }: { expected: number; timeoutMs: number; via: 'arrow' | 'enter' }) {
  const video = document.querySelector<HTMLVideoElement>('video[data-testid="video-media"]')!;
  const label = document.querySelector('[data-testid="video-frame"]')!;
  const target = String(expected);
  const before = video.getAttribute('data-frame');
  let stamp: number | null = null;
  let presentedMs: number | null = null;
  let done = false;
  (window as VideoProbeWindow).__loupeVideoStep = new Promise<FrameOutcome>((resolve) => {
    const onKey = (event: KeyboardEvent) => {
      if (stamp !== null) return;
      const box = event.target instanceof HTMLInputElement && event.target.getAttribute('aria-label') === 'Go to frame';
      if (via === 'arrow' ? event.key === 'ArrowRight' || event.key === 'ArrowLeft' : event.key === 'Enter' && box)
        stamp = event.timeStamp;
    };
    const check = () => {
      if (stamp === null || done) return;
      if (presentedMs === null && video.getAttribute('data-frame') === target) presentedMs = performance.now() - stamp;
      if (presentedMs === null || label.textContent?.trim() !== target) return;
      done = true;
      const from = stamp;
      requestAnimationFrame(() => finish(performance.now() - from));
    };
    const observer = new MutationObserver(check);
    const timer = setTimeout(() => finish(null), timeoutMs);
    function finish(ms: number | null) {
      clearTimeout(timer);
      observer.disconnect();
      window.removeEventListener('keydown', onKey, true);
      resolve({
        presentedMs,
        ms,
        inputSeen: stamp !== null,
        before,
        dataFrame: video.getAttribute('data-frame'),
        shown: label.textContent?.trim() ?? null,
      });
    }
    window.addEventListener('keydown', onKey, true);
    observer.observe(video, { attributes: true, attributeFilter: ['data-frame'] });
    observer.observe(label, { childList: true, characterData: true, subtree: true });
  });
}

export function frameOutcome(): Promise<FrameOutcome> {
  return (window as VideoProbeWindow).__loupeVideoStep!;
}

/** Runs in the page: the <video>'s current picture drawn at its own size into a canvas, its frame code read back. */
export function readScreen(): ScreenReading {
  const video = document.querySelector<HTMLVideoElement>('video[data-testid="video-media"]')!;
  const label = document.querySelector('[data-testid="video-frame"]');
  const { videoWidth: w, videoHeight: h } = video;
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(video, 0, 0, w, h);
  const reading = (window as VideoProbeWindow).__loupeFrameCode!.readFrameCode(ctx.getImageData(0, 0, w, h).data, w, h);
  const num = (raw: string | null | undefined) => (raw === null || raw === undefined || raw.trim() === '' ? null : Number(raw));
  return {
    decoded: reading.index,
    problem: reading.problem,
    shown: num(label?.textContent),
    dataFrame: num(video.getAttribute('data-frame')),
    currentTime: video.currentTime,
    videoWidth: w,
    videoHeight: h,
  };
}

/**
 * Runs in the page: counters for playback, started now. `__loupePlayback()` stops them and returns
 * per-second rates over the time since the first presented frame: the overlay's redraws (konva
 * clearing its layer canvas: one per drawn frame of boxes), frames the <video> presented
 * (requestVideoFrameCallback), distinct frame numbers the toolbar showed, animation frames, and the
 * longest gap between animation frames.
 */
export function armPlaybackProbe() {
  const video = document.querySelector<HTMLVideoElement>('video[data-testid="video-media"]')!;
  const label = document.querySelector('[data-testid="video-frame"]')!;
  const layer = document.querySelector<HTMLCanvasElement>('[data-testid="video-overlay"] canvas');
  const ctx = layer?.getContext('2d') ?? null;
  let from: number | null = null;
  let overlay = 0;
  let presented = 0;
  let shown = 0;
  let rafs = 0;
  let lastRaf: number | null = null;
  let maxGap = 0;
  let stopped = false;
  let boxesMax = 0;
  const konva = (window as unknown as { Konva?: { stages: { find: (s: string) => unknown[] }[] } }).Konva;
  const original = ctx?.clearRect;
  if (ctx && original) {
    ctx.clearRect = function (...args: Parameters<CanvasRenderingContext2D['clearRect']>) {
      if (from !== null && !stopped) overlay++;
      return original.apply(this, args);
    };
  }
  const firstFrame = video.getAttribute('data-frame');
  const quality0 = video.getVideoPlaybackQuality();
  let longTasks = 0;
  let longTaskMs = 0;
  const longTaskObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (from === null || stopped) continue;
      longTasks++;
      longTaskMs += entry.duration;
    }
  });
  longTaskObserver.observe({ type: 'longtask' });
  const onVideoFrame = () => {
    if (stopped) return;
    if (from === null) from = performance.now();
    else presented++;
    video.requestVideoFrameCallback(onVideoFrame);
  };
  video.requestVideoFrameCallback(onVideoFrame);
  const observer = new MutationObserver(() => {
    if (from !== null && !stopped) shown++;
  });
  observer.observe(label, { childList: true, characterData: true, subtree: true });
  const onRaf = (t: number) => {
    if (stopped) return;
    if (from !== null) {
      rafs++;
      if (lastRaf !== null) maxGap = Math.max(maxGap, t - lastRaf);
      lastRaf = t;
      const boxes = konva?.stages.reduce((n, s) => n + s.find('Group').length, 0) ?? 0;
      boxesMax = Math.max(boxesMax, boxes);
    }
    requestAnimationFrame(onRaf);
  };
  requestAnimationFrame(onRaf);
  (window as VideoProbeWindow).__loupePlayback = () => {
    stopped = true;
    observer.disconnect();
    longTaskObserver.disconnect();
    if (ctx && original) ctx.clearRect = original;
    const seconds = from === null ? 0 : (performance.now() - from) / 1000;
    const rate = (n: number) => (seconds > 0 ? Math.round((n / seconds) * 10) / 10 : null);
    const quality = video.getVideoPlaybackQuality();
    return {
      seconds: Math.round(seconds * 100) / 100,
      overlay_fps: ctx ? rate(overlay) : null,
      presented_fps: rate(presented),
      shown_fps: rate(shown),
      raf_fps: rate(rafs),
      raf_max_gap_ms: Math.round(maxGap * 10) / 10,
      boxes_on_screen_max: boxesMax,
      first_frame: firstFrame === null ? null : Number(firstFrame),
      last_frame: Number(video.getAttribute('data-frame')),
      dropped_frames: quality.droppedVideoFrames - quality0.droppedVideoFrames,
      decoded_frames: quality.totalVideoFrames - quality0.totalVideoFrames,
      long_tasks: longTasks,
      long_task_ms: Math.round(longTaskMs),
    };
  };
}

export function finishPlayback() {
  return (window as VideoProbeWindow).__loupePlayback!();
}

/**
 * Runs in the page, with the editor paused: the same proxy in a bare muted <video> of the editor's
 * size on top of the page, played for `ms`; frames presented a second (requestVideoFrameCallback).
 * What this browser on this machine can present of this video with the page otherwise idle.
 */
export async function bareVideoFps(ms: number): Promise<number> {
  const editor = document.querySelector<HTMLVideoElement>('video[data-testid="video-media"]')!;
  const rect = editor.getBoundingClientRect();
  const bare = document.createElement('video');
  bare.muted = true;
  bare.src = editor.currentSrc;
  bare.setAttribute(
    'style',
    `position:fixed;left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px;z-index:99999`,
  );
  document.body.appendChild(bare);
  try {
    bare.currentTime = editor.currentTime;
    await new Promise((resolve) => bare.addEventListener('seeked', resolve, { once: true }));
    await bare.play();
    let presented = -1;
    let from = 0;
    const count = () => {
      if (presented++ === -1) from = performance.now();
      bare.requestVideoFrameCallback(count);
    };
    bare.requestVideoFrameCallback(count);
    await new Promise((resolve) => setTimeout(resolve, ms));
    const seconds = (performance.now() - from) / 1000;
    return Math.round((presented / seconds) * 10) / 10;
  } finally {
    bare.pause();
    bare.remove();
  }
}

/** Runs in the page: the timeline's rows (one per track, then event lanes) and the overlay's boxes on this frame. */
export function readEditor() {
  const timeline = document.querySelector('[data-testid="video-timeline"]');
  const konva = (window as unknown as { Konva?: { stages: { find: (s: string) => unknown[] }[] } }).Konva;
  return {
    rows: timeline ? Number(timeline.getAttribute('data-rows')) : null,
    boxes: konva ? konva.stages.reduce((n, s) => n + s.find('Group').length, 0) : null,
  };
}
