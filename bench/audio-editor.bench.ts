import type { Page } from '@playwright/test';
import { seededRandom } from '../lib/seeded-random';
import { db } from '../server/db';
import {
  armSeekProbe,
  armZoomProbe,
  clickableColumns,
  mediaRequests,
  openBreakdown,
  readWaveform,
  stepOutcome,
  type StepOutcome,
} from './audio-editor-probes';
import { DURATION_S, seedAudioEditorItem, type AudioEditorItem } from './audio-editor-seed';
import { startBrowserApp } from './browser-app';
import { round, summarize } from './percentiles';
import { missedTargets, type Target } from './targets';

// The audio editor (issue 7) in a real browser (the production build, Debian Chromium) on a 3-hour
// recording taken through the real ingest pipeline (probe, peaks at every zoom level, AAC proxy) with
// 50 segments of speech in the draft: time from navigation to a waveform that takes input (the
// editor's `loupe:waveform-interactive` mark), the latency of zoom steps (`=` / `-`) and of seeks
// (a time typed into the "Go to time" box) to the frame after the editor's answer, how much of the
// whole-file waveform a click would seek on, and the page's JS heap after a GC.
// BENCH_AUDIO_SEED_ONLY=1 stops after the seed and ingest; BENCH_AUDIO_REINGEST=1 ingests again
// even when this database already holds the recording READY.
const PORT = 3302;
const HOST = '[data-testid="audio-waveform"]';
/**
 * From the whole-file view in ×2 steps to 2,048× (~120 px/s on a ~630 px waveform: where words are
 * labeled, and where the finest peaks level is fetched) and back: 22 steps.
 */
const ZOOM_KEYS = [...'='.repeat(11), ...'-'.repeat(11)];
const SEEKS = 20;
const STEP_TIMEOUT_MS = 5000;
const TARGETS: Record<Metric, Target> = {
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
  const misses = missedTargets(figures, TARGETS);
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
  if (process.env.BENCH_AUDIO_WARM) {
    const warm = await app.signedInPage(item.email);
    await warm.goto(item.path);
    await warm.waitForFunction(() => performance.getEntriesByName('loupe:waveform-interactive').length > 0);
    await warm.context().close();
  }
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
    const breakdown = await page.evaluate(openBreakdown);
    // Let what follows a first render (queries settling, the media's metadata) pass before timing steps.
    await page.waitForTimeout(1000);

    const zoom = await zoomSteps(page, opened.pxPerSec);
    problems.push(...zoom.problems);
    problems.push(...wholeViewProblem('at loupe:waveform-interactive', opened));
    const wholeView = await page.evaluate(readWaveform);
    const clickable = await page.evaluate(clickableColumns);
    problems.push(...wholeViewProblem('after the zoom keys', wholeView));
    const seek = await seeks(page);
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
      seek_ms: seek.ms.map((ms) => round(ms, 0)),
      seek_error_s_max: seek.errorMaxS,
      px_per_sec_whole: opened.pxPerSec,
      px_per_sec_whole_later: wholeView.pxPerSec,
      waveform_px: round(opened.width, 0),
      whole_view_clickable_px: clickable,
      media: final.mediaSrc?.includes('/derivatives/proxy') ? 'proxy' : final.mediaSrc,
      media_duration_s: final.mediaDuration,
      open_breakdown: breakdown,
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
  const first = steps[0];
  if (first?.ms != null && !(Math.abs(Number(first.pxPerSec) / wholePxPerSec - 2) < 0.05)) {
    problems.push(`zoom: \`=\` went from ${wholePxPerSec} to ${first.pxPerSec} px/s, not ×2`);
  }
  return { ms, steps, problems };
}

/**
 * SEEKS seeks to seeded random times over the whole file, typed into the editor's "Go to time" box as an
 * annotator would (h:mm:ss.fff), each timed from the Enter to the frame after the media's `seeked` and
 * the host's data-current-time change; the media must land on the time typed.
 */
async function seeks(page: Page) {
  const ms: number[] = [];
  const problems: string[] = [];
  let errorMaxS = 0;
  const random = seededRandom(20251203);
  const box = page.getByLabel('Go to time');
  if ((await box.count()) !== 1) throw new Error(`expected one "Go to time" box, found ${await box.count()}`);
  for (let i = 0; i < SEEKS; i++) {
    const t = round(1 + random() * (DURATION_S - 2), 3);
    await box.fill(clock(t));
    await page.evaluate(armSeekProbe, STEP_TIMEOUT_MS);
    await box.press('Enter');
    const outcome = await page.evaluate(stepOutcome);
    if (outcome.ms !== null) ms.push(outcome.ms);
    else problems.push(describeMiss(`seek to ${clock(t)}`, 'data-current-time', outcome));
    const error = Math.abs((outcome.currentTime ?? 0) - t);
    errorMaxS = Math.max(errorMaxS, error);
    if (error > 0.05) problems.push(`seek: "${clock(t)}" typed, the media is at ${round(outcome.currentTime ?? NaN, 3)} s`);
    await page.waitForTimeout(150);
  }
  await box.blur();
  return { ms, problems, errorMaxS: round(errorMaxS, 3) };
}

/** h:mm:ss.fff, as parseTime (lib/annotate/audio/time-format.ts) reads it. */
function clock(t: number): string {
  const total = Math.round(t * 1000);
  const [h, m, s] = [Math.floor(total / 3_600_000), Math.floor((total % 3_600_000) / 60_000), total % 60_000];
  return `${h}:${String(m).padStart(2, '0')}:${String(Math.floor(s / 1000)).padStart(2, '0')}.${String(s % 1000).padStart(3, '0')}`;
}

/**
 * At the whole-file view the waveform fills the host: data-px-per-sec × duration must be its width
 * (to 2 px). Whatever makes wavesurfer's scroll width larger (content past the end) shows here.
 */
function wholeViewProblem(when: string, view: Awaited<ReturnType<typeof readWaveform>>): string[] {
  const drawn = (view.pxPerSec ?? NaN) * DURATION_S;
  if (Math.abs(drawn - view.width) <= 2) return [];
  return [
    `contract: ${when}, the whole-file view's data-px-per-sec ${view.pxPerSec} × ${DURATION_S} s is ${round(drawn, 0)} px, but the waveform is ${round(view.width, 0)} px wide (wavesurfer's scroll width ${view.scrollWidth} px)`,
  ];
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
