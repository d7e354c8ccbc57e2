import type { Page } from '@playwright/test';
import { seededRandom } from '../lib/seeded-random';
import { db } from '../server/db';
import { armSeekProbe, armZoomProbe, mediaRequests, readWaveform, stepOutcome, type StepOutcome } from './audio-editor-probes';
import { DURATION_S, seedAudioEditorItem, type AudioEditorItem } from './audio-editor-seed';
import { startBrowserApp } from './browser-app';
import { round, summarize } from './percentiles';

// The audio editor (issue 7) in a real browser (the production build, Debian Chromium) on a 3-hour
// recording taken through the real ingest pipeline (probe, peaks at every zoom level, AAC proxy) with
// 50 segments of speech in the draft: time from navigation to a waveform that takes input (the
// editor's `loupe:waveform-interactive` mark), the latency of zoom steps (`=` / `-`) and of seeks
// (a click on the waveform) to the frame after the editor's answer, and the page's JS heap after a GC.
// BENCH_AUDIO_SEED_ONLY=1 stops after the seed and ingest; BENCH_AUDIO_REINGEST=1 ingests again
// even when this database already holds the recording READY.
const PORT = 3302;
const HOST = '[data-testid="audio-waveform"]';
/** From the whole-file view in ×2 steps to 128× and back, then to 8× and back: 20 steps. */
const ZOOM_KEYS = [...'=======', ...'-------', ...'===', ...'---'];
const SEEKS = 20;
const STEP_TIMEOUT_MS = 5000;
/** Seek clicks keep this far (screen pixels) from any segment, so they never grab one. */
const SEGMENT_MARGIN_PX = 6;
const TARGETS: Record<Metric, [cmp: '<=' | '<', value: number]> = {
  open_ms: ['<=', 1000],
  zoom_p95_ms: ['<=', 100],
  seek_p95_ms: ['<=', 100],
  js_heap_mb: ['<', 300],
};
type Metric = 'open_ms' | 'zoom_p95_ms' | 'seek_p95_ms' | 'js_heap_mb';

const item = await seedAudioEditorItem();
console.error(
  `audio-editor: ${item.sourceMb} MB WAV, ${item.ingest ? `ingested in ${item.ingest.seconds} s (${JSON.stringify(item.ingest)})` : 'READY asset reused'}; ` +
    `peaks ${item.peaks.map((p) => `${p.samplesPerPixel}:${p.buckets}`).join(', ')}; proxy ${item.proxy ? `${item.proxy.kb} KB` : 'none'}`,
);
if (process.env.BENCH_AUDIO_SEED_ONLY) {
  console.log(JSON.stringify({ bench: 'audio-editor-seed', duration_s: DURATION_S, ...seedFigures(item) }));
  await db().$disconnect();
  process.exit(0);
}

const app = await startBrowserApp(PORT);
try {
  const figures = await measure(item);
  const misses = Object.entries(TARGETS)
    .filter(([metric, [cmp, value]]) => {
      const got = figures[metric as Metric];
      return got === null || (cmp === '<=' ? !(got <= value) : !(got < value));
    })
    .map(([metric, [cmp, value]]) => `${metric} ${figures[metric as Metric]} (target ${cmp} ${value})`);
  console.log(JSON.stringify({ ...figures, chromium: app.browser.version(), misses }));
  for (const problem of figures.problems) {
    console.error(`✗ audio editor: ${problem}`);
    process.exitCode = 1;
  }
} finally {
  await app.close();
  await db().$disconnect();
}

function seedFigures(item: AudioEditorItem) {
  return { source_mb: item.sourceMb, ingest: item.ingest, peaks_levels: item.peaks, proxy: item.proxy };
}

async function measure(item: AudioEditorItem) {
  const page = await app.signedInPage(item.email);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const screenshot = '/tmp/audio-editor-bench.png';
  try {
    // Navigation start is the page's time origin: a mark's startTime is time since navigation.
    await page.goto(item.path);
    const problems: string[] = [];
    const interactive = () => performance.getEntriesByName('loupe:waveform-interactive').length > 0;
    await page.waitForFunction(interactive, null, { timeout: 60_000 }).catch(async (error: unknown) => {
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
      const editors = await page.locator('[data-testid="audio-editor"]').count();
      throw new Error(
        `no loupe:waveform-interactive mark within 60 s ([data-testid="audio-editor"] elements: ${editors}, marks: ${JSON.stringify(marks)}; see ${screenshot}): ${String(error)}`,
      );
    });
    const openMs = await page.evaluate(() => performance.getEntriesByName('loupe:waveform-interactive')[0]!.startTime);
    const opened = await page.evaluate(readWaveform);
    if (opened.ready !== 'true')
      problems.push(`contract: data-ready is ${JSON.stringify(opened.ready)} at loupe:waveform-interactive`);
    if (opened.pxPerSec === null) throw new Error(`${HOST} has no data-px-per-sec at loupe:waveform-interactive`);
    const requestsAtOpen = await page.evaluate(mediaRequests);
    // Let what follows a first render (queries settling, the media's metadata) pass before timing steps.
    await page.waitForTimeout(1000);

    const zoom = await zoomSteps(page, opened.pxPerSec);
    problems.push(...zoom.problems);
    const seek = await seeks(page, item);
    problems.push(...seek.problems);
    const heapMb = await heapAfterGc(page);
    const final = await page.evaluate(readWaveform);
    await page.screenshot({ path: screenshot });
    const z = summarize(zoom.ms);
    const s = summarize(seek.ms);
    return {
      bench: 'audio-editor',
      duration_s: DURATION_S,
      open_ms: round(openMs, 1),
      zoom_p95_ms: zoom.ms.length ? z.p95 : null,
      seek_p95_ms: seek.ms.length ? s.p95 : null,
      js_heap_mb: round(heapMb, 1),
      zoom_p50_ms: z.p50,
      zoom_max_ms: z.max,
      zoom_steps: zoom.steps,
      seek_p50_ms: s.p50,
      seek_max_ms: s.max,
      seeks: seek.ms.length,
      seek_error_s_max: seek.errorMaxS,
      px_per_sec_whole: opened.pxPerSec,
      media: final.mediaSrc?.includes('/derivatives/proxy') ? 'proxy' : final.mediaSrc,
      media_duration_s: final.mediaDuration,
      requests_at_open: requestsAtOpen,
      requests: await page.evaluate(mediaRequests),
      ...seedFigures(item),
      problems: [...problems, ...pageErrors.map((message) => `the page threw: ${message}`)],
    };
  } catch (error) {
    await page.screenshot({ path: screenshot }).catch(() => undefined);
    throw error;
  } finally {
    await page.context().close();
  }
}

/** Keyboard focus on the page itself (not a text box or a button), as after clicking the background. */
async function focusBody(page: Page) {
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    document.body.focus();
  });
}

/** ZOOM_KEYS one at a time, each timed from its keydown to the frame after data-px-per-sec changed. */
async function zoomSteps(page: Page, wholePxPerSec: number) {
  const ms: number[] = [];
  const steps: { key: string; pxPerSec: string | null; ms: number | null }[] = [];
  const problems: string[] = [];
  await focusBody(page);
  for (const key of ZOOM_KEYS) {
    await page.evaluate(armZoomProbe, STEP_TIMEOUT_MS);
    await page.keyboard.press(key);
    const outcome = await page.evaluate(stepOutcome);
    steps.push({ key, pxPerSec: outcome.after, ms: outcome.ms === null ? null : round(outcome.ms, 1) });
    if (outcome.ms !== null) ms.push(outcome.ms);
    else problems.push(describeMiss(`zoom ${key}`, 'data-px-per-sec', outcome));
    await page.waitForTimeout(150);
  }
  const [first, last] = [steps[0], steps.at(-1)];
  if (first?.ms != null && !(Math.abs(Number(first.pxPerSec) / wholePxPerSec - 2) < 0.05)) {
    problems.push(`zoom: \`=\` went from ${wholePxPerSec} to ${first.pxPerSec} px/s, not ×2`);
  }
  if (Number(last?.pxPerSec) !== wholePxPerSec) {
    problems.push(`zoom: as many \`-\` as \`=\` left ${last?.pxPerSec} px/s, not the whole-file view's ${wholePxPerSec}`);
  }
  return { ms, steps, problems };
}

/**
 * SEEKS clicks at seeded random places on the waveform (whole-file view), never within
 * SEGMENT_MARGIN_PX of a segment, each timed from the press to the frame after the media's `seeked`
 * and the host's data-current-time change; the media must land where the click was.
 */
async function seeks(page: Page, item: AudioEditorItem) {
  const ms: number[] = [];
  const problems: string[] = [];
  let errorMaxS = 0;
  const random = seededRandom(20251203);
  const view = await page.evaluate(readWaveform);
  const pxPerSec = view.pxPerSec!;
  const margin = SEGMENT_MARGIN_PX / pxPerSec;
  const clear = (t: number) => item.segments.every((s) => t < s.start - margin || t > s.end + margin);
  for (let i = 0; i < SEEKS; i++) {
    let x = 0;
    let t = 0;
    do {
      x = Math.round(8 + random() * (Math.min(view.width, DURATION_S * pxPerSec) - 16));
      t = x / pxPerSec;
    } while (!clear(t));
    await page.evaluate(armSeekProbe, STEP_TIMEOUT_MS);
    await page.mouse.click(view.left + x, view.top + view.height / 2);
    const outcome = await page.evaluate(stepOutcome);
    if (outcome.ms !== null) ms.push(outcome.ms);
    else problems.push(describeMiss(`seek to ${round(t, 1)} s`, 'data-current-time', outcome));
    const error = Math.abs((outcome.currentTime ?? 0) - t);
    errorMaxS = Math.max(errorMaxS, error);
    if (error > 4 / pxPerSec) {
      problems.push(
        `seek: a click ${x} px into the waveform (${round(t, 1)} s at ${pxPerSec} px/s) left the media at ${round(outcome.currentTime ?? NaN, 2)} s`,
      );
    }
    await page.waitForTimeout(150);
  }
  return { ms, problems, errorMaxS: round(errorMaxS, 2) };
}

function describeMiss(step: string, attribute: string, outcome: StepOutcome): string {
  if (!outcome.inputSeen) return `${step}: the input event never reached the page (bench fault?)`;
  const seeked = outcome.seeked === undefined ? '' : `, seeked ${outcome.seeked ? 'fired' : 'never fired'}`;
  return `contract: ${step}: ${attribute} stayed ${JSON.stringify(outcome.before)} for ${STEP_TIMEOUT_MS} ms${seeked} (now ${JSON.stringify(outcome.after)})`;
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}
