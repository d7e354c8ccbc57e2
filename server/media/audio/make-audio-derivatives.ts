import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ffmpegVersion } from '../av/ffmpeg-version';
import type { AvProbe } from '../av/probe-av';
import type { DerivativeFile } from '../types';
import { choosePeakLevels, PEAKS_SAMPLE_RATE } from './choose-peak-levels';
import { computePeaks, type ComputedPeaks } from './compute-peaks';
import { makeAudioProxy, needsAudioProxy } from './make-audio-proxy';
import type { PeakLevel } from './peak-pyramid';

/**
 * Waveform peaks (one PEAKS file per zoom level, variant = samples per bucket) and, when the original
 * is large or not browser-playable, a streamable AAC proxy. Decoding for both runs at once: two cores.
 */
export async function makeAudioDerivatives(input: {
  filePath: string;
  probe: AvProbe;
  workDir: string;
}): Promise<DerivativeFile[]> {
  const { filePath, probe, workDir } = input;
  const toolVersion = await ffmpegVersion();
  const made = { tool: 'ffmpeg', toolVersion };
  const { size } = await stat(filePath);
  const proxyPath = path.join(workDir, 'proxy.m4a');
  const [peaks, proxyParams] = await Promise.all([
    computePeaks(filePath, {
      channels: probe.audio?.channels ?? 1,
      samplesPerPixel: choosePeakLevels(probe.durationSec * PEAKS_SAMPLE_RATE),
      timeoutMs: 60_000 + probe.durationSec * 500,
    }),
    needsAudioProxy(probe, size) ? makeAudioProxy(filePath, probe, proxyPath) : undefined,
  ]);
  const files: DerivativeFile[] = [];
  for (const level of peaks.levels) {
    const peaksPath = path.join(workDir, `peaks-${level.samplesPerPixel}.json`);
    await writeFile(peaksPath, peaksJson(peaks, level));
    const { data: _data, ...shape } = level;
    files.push({
      kind: 'PEAKS',
      variant: String(level.samplesPerPixel),
      path: peaksPath,
      mime: 'application/json',
      params: {
        ...shape,
        sampleRate: peaks.sampleRate,
        channels: peaks.channels,
        secondsPerBucket: level.samplesPerPixel / peaks.sampleRate,
      },
      ...made,
    });
  }
  if (proxyParams) files.push({ kind: 'PROXY', variant: '', path: proxyPath, mime: 'audio/mp4', params: proxyParams, ...made });
  return files;
}

/**
 * `data[channel]` is [min, max, min, max, …] in -1…1: wavesurfer.js draws it as it is
 * (`WaveSurfer.create({ peaks: file.data, duration: file.duration, ... })`). Three decimals keep
 * quiet recordings visible and the file small.
 */
function peaksJson(peaks: ComputedPeaks, level: PeakLevel): string {
  const channels = level.data.map((values) => `[${Array.from(values, (v) => Math.round(v / 32.768) / 1000).join(',')}]`);
  const head = {
    version: 1,
    sampleRate: peaks.sampleRate,
    samplesPerPixel: level.samplesPerPixel,
    channels: peaks.channels,
    duration: peaks.duration,
    length: level.length,
  };
  return `${JSON.stringify(head).slice(0, -1)},"data":[${channels.join(',')}]}`;
}
