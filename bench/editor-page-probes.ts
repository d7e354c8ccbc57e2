// What the editor benchmark (editor.bench.ts) runs inside the page, through page.evaluate: these
// functions are serialized and must not close over anything.

/** What the bench leaves on the page's window while it measures. */
export interface ProbeWindow extends Window {
  __loupeFrameCounter?: { frameMs: number[]; framesTransformChanged: number; running: boolean; start: number; last: number };
  __loupeMoveProbe?: {
    arm: () => void;
    waitFor: (n: number) => Promise<void>;
    stop: () => { rafMs: number[]; frameEndMs: number[] };
  };
}

// Runs in the page: every animation frame's duration, and on how many frames data-transform changed.
export function startFrameCounter() {
  const el = document.querySelector('[data-testid="image-canvas"]')!;
  const state = { frameMs: [] as number[], framesTransformChanged: 0, running: true, start: 0, last: 0 };
  let transform = el.getAttribute('data-transform');
  const step = (now: number) => {
    if (!state.running) return;
    if (state.last) state.frameMs.push(now - state.last);
    else state.start = now;
    state.last = now;
    const next = el.getAttribute('data-transform');
    if (next !== transform) state.framesTransformChanged++;
    transform = next;
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
  (window as ProbeWindow).__loupeFrameCounter = state;
}

export function stopFrameCounter() {
  const state = (window as ProbeWindow).__loupeFrameCounter!;
  state.running = false;
  return { frameMs: state.frameMs, elapsedMs: state.last - state.start, framesTransformChanged: state.framesTransformChanged };
}

/**
 * Runs in the page: for each pointermove once armed, the time from the event's timestamp to the frame
 * that draws it. The listener is on window in the bubble phase, so it runs after the editor's own
 * handler, and the requestAnimationFrame it schedules runs after the one Konva's batchDraw scheduled
 * there: `rafMs` is taken in that callback (the frame's drawing done). That callback also posts a
 * message, which runs once every callback of the frame and its rendering are done: `frameEndMs`.
 */
export function installMoveProbe() {
  const rafMs: number[] = [];
  const frameEndMs: number[] = [];
  let armed = false;
  let waiter: { n: number; resolve: () => void } | null = null;
  const channel = new MessageChannel();
  const pending: number[] = [];
  channel.port1.onmessage = () => {
    const stamp = pending.shift();
    if (stamp === undefined) return;
    frameEndMs.push(performance.now() - stamp);
    if (waiter && frameEndMs.length >= waiter.n) {
      waiter.resolve();
      waiter = null;
    }
  };
  const onMove = (event: PointerEvent) => {
    if (!armed) return;
    const stamp = event.timeStamp;
    requestAnimationFrame(() => {
      rafMs.push(performance.now() - stamp);
      pending.push(stamp);
      channel.port2.postMessage(null);
    });
  };
  window.addEventListener('pointermove', onMove);
  (window as ProbeWindow).__loupeMoveProbe = {
    arm: () => {
      armed = true;
    },
    waitFor: (n: number) =>
      new Promise<void>((resolve, reject) => {
        if (frameEndMs.length >= n) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`move ${n} reached no frame within 2 s (pointermoves seen on window: ${frameEndMs.length})`)),
          2000,
        );
        waiter = {
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
      }),
    stop: () => {
      armed = false;
      window.removeEventListener('pointermove', onMove);
      return { rafMs, frameEndMs };
    },
  };
}
