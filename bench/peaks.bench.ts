import { access, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { choosePeakLevels, PEAKS_SAMPLE_RATE } from '../server/media/audio/choose-peak-levels';
import { computePeaks } from '../server/media/audio/compute-peaks';
import { makeAudioProxy } from '../server/media/audio/make-audio-proxy';
import { probeAv } from '../server/media/av/probe-av';
import { runAvTool } from '../server/media/av/run-av-tool';
import { round } from './percentiles';

// Waveform peaks for a 3-hour recording (target: under 60 s on 2 cores), plus the probe (which decodes
// the whole file once for the silence check) and the AAC proxy, each timed alone. The recording is made once
// (a tone under pink noise, 16 kHz mono Opus) and cached in the temp directory between runs.
const HOURS = 3;
const seconds = HOURS * 3600;
const source = path.join(os.tmpdir(), `loupe-bench-${HOURS}h-16k.opus`);

async function makeRecording(): Promise<number> {
  const exists = await access(source).then(
    () => true,
    () => false,
  );
  if (exists) return 0;
  const started = performance.now();
  const tmp = `${source}.${process.pid}.opus`;
  await runAvTool(
    'ffmpeg',
    [
      ...['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=16000:duration=${seconds}`],
      ...['-f', 'lavfi', '-i', `anoisesrc=r=16000:c=pink:a=0.2:seed=7:duration=${seconds}`],
      ...['-filter_complex', 'amix=inputs=2:normalize=0', '-ac', '1', '-c:a', 'libopus', '-b:a', '24k', tmp],
    ],
    { timeoutMs: 30 * 60_000 },
  );
  await rename(tmp, source);
  return (performance.now() - started) / 1000;
}

const generateSeconds = await makeRecording();
const workDir = await mkdtemp(path.join(os.tmpdir(), 'loupe-peaks-'));
const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  return [await fn(), round((performance.now() - started) / 1000, 1)];
};
const [probe, probeSeconds] = await timed(() => probeAv(source));
const [peaks, peaksSeconds] = await timed(() =>
  computePeaks(source, {
    channels: probe.audio?.channels ?? 1,
    samplesPerPixel: choosePeakLevels(probe.durationSec * PEAKS_SAMPLE_RATE),
    timeoutMs: 30 * 60_000,
  }),
);
// The AAC proxy is timed on its own: the pipeline makes it alongside the peaks, on the other core.
const [, proxySeconds] = await timed(() => makeAudioProxy(source, probe, path.join(workDir, 'proxy.m4a')));
await rm(workDir, { recursive: true, force: true });

console.log(
  JSON.stringify({
    bench: 'peaks',
    audioHours: HOURS,
    seconds: peaksSeconds,
    maxRssMB: round(process.resourceUsage().maxRSS / 1024, 0),
    levels: peaks.levels.map((l) => ({ samplesPerPixel: l.samplesPerPixel, buckets: l.length })),
    probeSeconds,
    proxySeconds,
    sourceMB: round((await stat(source)).size / 1024 ** 2, 1),
    ...(generateSeconds ? { generateSeconds: round(generateSeconds, 1) } : {}),
  }),
);
