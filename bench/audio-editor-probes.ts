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
  /** Seeks: the media's `seeked` fired, and where it ended. */
  seeked?: boolean;
  currentTime?: number;
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
 * Runs in the page: the next Enter in the editor's "Go to time" box (its keydown's timestamp), to a
 * requestAnimationFrame scheduled once both the media element has fired `seeked` and the waveform
 * host's data-current-time has changed. (A click on the waveform seeks the same way, ws.setTime, but
 * at the whole-file view of a long file segments cover nearly all of it: see `clickableColumns`.)
 */
export function armSeekProbe(timeoutMs: number) {
  const host = document.querySelector('[data-testid="audio-waveform"]')!;
  const media = document.querySelector<HTMLAudioElement>('audio[data-testid="audio-media"]')!;
  const before = host.getAttribute('data-current-time');
  let stamp: number | null = null;
  let seeked = false;
  let changed = false;
  (window as AudioProbeWindow).__loupeAudioStep = new Promise<StepOutcome>((resolve) => {
    const onKey = (event: KeyboardEvent) => {
      const box = event.target instanceof HTMLInputElement && event.target.getAttribute('aria-label') === 'Go to time';
      if (stamp === null && event.key === 'Enter' && box) stamp = event.timeStamp;
    };
    const onSeeked = () => {
      if (stamp === null) return;
      seeked = true;
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
      if (done || !seeked || !changed) return;
      done = true;
      const from = stamp!;
      requestAnimationFrame(() => finish(performance.now() - from));
    }
    function finish(ms: number | null) {
      clearTimeout(timer);
      observer.disconnect();
      window.removeEventListener('keydown', onKey, true);
      media.removeEventListener('seeked', onSeeked);
      resolve({
        ms,
        before,
        after: host.getAttribute('data-current-time'),
        inputSeen: stamp !== null,
        seeked,
        currentTime: media.currentTime,
      });
    }
    window.addEventListener('keydown', onKey, true);
    media.addEventListener('seeked', onSeeked);
    observer.observe(host, { attributes: true, attributeFilter: ['data-current-time'] });
  });
}

/**
 * Runs in the page: of the waveform's pixel columns (hit-tested on its middle line, inside
 * wavesurfer's shadow root), how many a click would land on the waveform itself (and seek) rather
 * than on a segment's body, label or resize handle (and select or resize it). Null without the root.
 */
export function clickableColumns() {
  const host = document.querySelector('[data-testid="audio-waveform"]')!;
  const root = host.firstElementChild?.shadowRoot;
  if (!root) return null;
  const rect = host.getBoundingClientRect();
  let free = 0;
  for (let x = 0.5; x < rect.width; x++) {
    const hit = root.elementFromPoint(rect.left + x, rect.top + rect.height / 2);
    if (hit && !hit.closest('[part~="region"]') && !(hit.getAttribute('part') ?? '').includes('region')) free++;
  }
  return { free, of: Math.floor(rect.width) };
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
    /** wavesurfer's scrollable width: data-px-per-sec × duration should be this, and the host's width at the whole-file view. */
    scrollWidth: (host.firstElementChild?.shadowRoot?.querySelector('.scroll') as HTMLElement | null)?.scrollWidth ?? null,
  };
}

/** Runs in the page: the peaks levels the editor fetched (with timings) and how many requests the media made. */
export function mediaRequests() {
  const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const peaks = entries
    .filter((e) => e.name.includes('/derivatives/peaks'))
    .map((e) => ({
      variant: Number(new URL(e.name).searchParams.get('variant')),
      startMs: Math.round(e.startTime),
      ms: Math.round(e.duration),
      kb: Math.round(e.encodedBodySize / 102.4) / 10,
    }));
  const media = entries.filter((e) => /\/derivatives\/proxy|\/content(\?|$)/.test(e.name)).length;
  return { peaks, media };
}

/** Runs in the page: where the time to an interactive waveform went (ms since navigation). */
export function openBreakdown() {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const first = (pattern: RegExp) => resources.find((e) => pattern.test(e.name));
  const assignment = first(/\/api\/v1\/projects\/[^/]+\/assignments\/[^/?]+(\?|$)/);
  const peaks = first(/\/derivatives\/peaks/);
  const ms = (t: number | undefined) => (t === undefined ? null : Math.round(t));
  return {
    html_ms: ms(nav?.responseEnd),
    dom_content_loaded_ms: ms(nav?.domContentLoadedEventEnd),
    assignment_requested_ms: ms(assignment?.startTime),
    // More than one: the page asked twice for the item it opens.
    assignment_requests: resources.filter((e) => e === assignment || e.name === assignment?.name).length,
    assignment_fetched_ms: ms(assignment?.responseEnd),
    peaks_requested_ms: ms(peaks?.startTime),
    peaks_fetched_ms: ms(peaks?.responseEnd),
  };
}
