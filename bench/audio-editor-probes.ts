// What the audio editor benchmark (audio-editor.bench.ts) runs inside the page, through page.evaluate:
// these functions are serialized and must not close over anything. Each `arm…` installs a one-shot
// probe for the next step and leaves its outcome on window as a promise; `stepOutcome` awaits it.

export interface StepOutcome {
  /** From the input event's timestamp to a rAF after the editor's answer; null when it never came. */
  ms: number | null;
  before: string | null;
  after: string | null;
  /** The input event reached the page (a missed one is the bench's fault, not the editor's). */
  inputSeen: boolean;
  /** Seeks: the media's `seeked` fired, where it ended, how long the button was down before the click. */
  seeked?: boolean;
  currentTime?: number;
  pressMs?: number | null;
}

export interface AudioProbeWindow extends Window {
  __loupeAudioStep?: Promise<StepOutcome>;
}

/**
 * Runs in the page: the next `=` / `-` keydown's timestamp, to a requestAnimationFrame scheduled once
 * the waveform host's data-px-per-sec has changed (the editor sets it when wavesurfer has redrawn).
 */
export function armZoomProbe(timeoutMs: number) {
  const host = document.querySelector('[data-testid="audio-waveform"]')!;
  const before = host.getAttribute('data-px-per-sec');
  let stamp: number | null = null;
  (window as AudioProbeWindow).__loupeAudioStep = new Promise<StepOutcome>((resolve) => {
    const onKey = (event: KeyboardEvent) => {
      if (stamp === null && (event.key === '=' || event.key === '-')) stamp = event.timeStamp;
    };
    const observer = new MutationObserver(() => {
      if (stamp === null || host.getAttribute('data-px-per-sec') === before) return;
      observer.disconnect();
      const from = stamp;
      requestAnimationFrame(() => finish(performance.now() - from));
    });
    const timer = setTimeout(() => finish(null), timeoutMs);
    function finish(ms: number | null) {
      clearTimeout(timer);
      observer.disconnect();
      window.removeEventListener('keydown', onKey, true);
      resolve({ ms, before, after: host.getAttribute('data-px-per-sec'), inputSeen: stamp !== null });
    }
    window.addEventListener('keydown', onKey, true);
    observer.observe(host, { attributes: true, attributeFilter: ['data-px-per-sec'] });
  });
}

/**
 * Runs in the page: the next click on the waveform host (the `click` event's timestamp, the button's
 * release: wavesurfer seeks on click; the press's, should the seek come before the click), to a
 * requestAnimationFrame scheduled once both the media element has fired `seeked` and the host's
 * data-current-time has changed.
 */
export function armSeekProbe(timeoutMs: number) {
  const host = document.querySelector('[data-testid="audio-waveform"]')!;
  const media = document.querySelector<HTMLAudioElement>('audio[data-testid="audio-media"]')!;
  const before = host.getAttribute('data-current-time');
  let stamp: number | null = null;
  let clickStamp: number | null = null;
  let seekedAt: number | null = null;
  let changed = false;
  (window as AudioProbeWindow).__loupeAudioStep = new Promise<StepOutcome>((resolve) => {
    const onDown = (event: PointerEvent) => {
      if (stamp === null && event.target instanceof Node && host.contains(event.target)) stamp = event.timeStamp;
    };
    const onClick = (event: MouseEvent) => {
      if (stamp !== null && clickStamp === null) clickStamp = event.timeStamp;
    };
    const onSeeked = () => {
      if (stamp === null || seekedAt !== null) return;
      seekedAt = performance.now();
      check();
    };
    const observer = new MutationObserver(() => {
      if (stamp === null || host.getAttribute('data-current-time') === before) return;
      changed = true;
      check();
    });
    const timer = setTimeout(() => finish(null), timeoutMs);
    let done = false;
    function check() {
      if (done || seekedAt === null || !changed) return;
      done = true;
      const from = clickStamp !== null && clickStamp <= seekedAt ? clickStamp : stamp!;
      requestAnimationFrame(() => finish(performance.now() - from));
    }
    function finish(ms: number | null) {
      clearTimeout(timer);
      observer.disconnect();
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('click', onClick, true);
      media.removeEventListener('seeked', onSeeked);
      resolve({
        ms,
        before,
        after: host.getAttribute('data-current-time'),
        inputSeen: stamp !== null,
        seeked: seekedAt !== null,
        currentTime: media.currentTime,
        pressMs: stamp !== null && clickStamp !== null ? clickStamp - stamp : null,
      });
    }
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('click', onClick, true);
    media.addEventListener('seeked', onSeeked);
    observer.observe(host, { attributes: true, attributeFilter: ['data-current-time'] });
  });
}

export function stepOutcome(): Promise<StepOutcome> {
  return (window as AudioProbeWindow).__loupeAudioStep!;
}

/** Runs in the page: the waveform host's box, zoom and time, and the media element's state. */
export function readWaveform() {
  const host = document.querySelector('[data-testid="audio-waveform"]')!;
  const media = document.querySelector<HTMLAudioElement>('audio[data-testid="audio-media"]');
  const rect = host.getBoundingClientRect();
  const number = (name: string) => {
    const raw = host.getAttribute(name);
    return raw === null || raw === '' ? null : Number(raw);
  };
  return {
    left: rect.left,
    top: rect.top,
    width: rect.width,
    height: rect.height,
    ready: host.getAttribute('data-ready'),
    pxPerSec: number('data-px-per-sec'),
    currentTime: number('data-current-time'),
    mediaSrc: media?.currentSrc ?? null,
    mediaDuration: media?.duration ?? null,
    mediaReadyState: media?.readyState ?? null,
  };
}

/** Runs in the page: what the editor fetched of the waveform's peaks and the media, with timings. */
export function mediaRequests() {
  return performance
    .getEntriesByType('resource')
    .filter((e) => /\/derivatives\/(peaks|proxy)|\/content(\?|$)/.test(e.name))
    .map((e) => {
      const r = e as PerformanceResourceTiming;
      const url = new URL(r.name);
      return {
        what: `${url.pathname.split('/').pop()}${url.searchParams.get('variant') ? `:${url.searchParams.get('variant')}` : ''}`,
        startMs: Math.round(r.startTime),
        ms: Math.round(r.duration),
        kb: Math.round(r.encodedBodySize / 102.4) / 10,
      };
    });
}
