import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeAv } from '../av/probe-av';
import { ffmpeg, ffprobeStreams, topLevelBoxes } from '../av/test-media';
import { makeAudioDerivatives } from './make-audio-derivatives';

let dir: string;
const at = (name: string) => path.join(dir, name);

interface PeaksFile {
  version: number;
  sampleRate: number;
  samplesPerPixel: number;
  channels: number;
  duration: number;
  length: number;
  data: number[][];
}

async function derive(name: string) {
  const probe = await probeAv(at(name));
  const workDir = await mkdtemp(path.join(dir, 'work-'));
  return makeAudioDerivatives({ filePath: at(name), probe, workDir });
}

describe('makeAudioDerivatives', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'audio-derivatives-'));
    // 1 s of a 440 Hz tone (amplitude 1/8), 1 s of silence, 1 s of tone.
    const tone = 'sine=frequency=440:sample_rate=22050:duration=1';
    await Promise.all([
      ffmpeg(
        ...['-f', 'lavfi', '-i', tone, '-f', 'lavfi', '-i', 'anullsrc=r=22050:cl=mono:d=1', '-f', 'lavfi', '-i', tone],
        ...['-filter_complex', '[0:a][1:a][2:a]concat=n=3:v=0:a=1[a]', '-map', '[a]', at('tone-gap-tone.wav')],
      ),
      ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=300:duration=2', '-ac', '2', at('stereo.aiff')),
    ]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('peaks follow the sound: the tone shows, the silence is flat; a small WAV needs no proxy', async () => {
    const files = await derive('tone-gap-tone.wav');
    expect(files.map((f) => f.kind)).toEqual(['PEAKS']);
    const [peaks] = files;
    expect(peaks).toMatchObject({ variant: '32', mime: 'application/json', tool: 'ffmpeg' });
    expect(peaks!.toolVersion).toMatch(/^\d/);
    const json = JSON.parse(await readFile(peaks!.path, 'utf8')) as PeaksFile;
    expect(json).toMatchObject({ version: 1, sampleRate: 16_000, samplesPerPixel: 32, channels: 1 });
    expect(json.duration).toBeCloseTo(3, 1);
    const values = json.data[0]!;
    expect(values).toHaveLength(json.length * 2);
    // Bucket b covers 2 ms; interleaved min/max, so bucket b is values[2b], values[2b+1].
    const loudest = (from: number, to: number) => Math.max(...values.slice(from * 2, to * 2).map(Math.abs));
    expect(loudest(10, 490)).toBeGreaterThan(0.1);
    expect(loudest(10, 490)).toBeLessThan(0.15);
    expect(loudest(510, 990)).toBeLessThan(0.002);
    expect(loudest(1010, 1490)).toBeGreaterThan(0.1);
  });

  it('a format browsers do not all play gets a faststart AAC proxy; stereo peaks keep both channels', async () => {
    const files = await derive('stereo.aiff');
    const proxy = files.find((f) => f.kind === 'PROXY');
    expect(proxy).toMatchObject({ mime: 'audio/mp4', params: { codec: 'aac', channels: 2 } });
    const [stream] = await ffprobeStreams(proxy!.path);
    expect(stream).toMatchObject({ codec_type: 'audio', codec_name: 'aac' });
    const boxes = await topLevelBoxes(proxy!.path);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    const peaks = JSON.parse(await readFile(files.find((f) => f.kind === 'PEAKS')!.path, 'utf8')) as PeaksFile;
    expect(peaks.channels).toBe(2);
    expect(peaks.data).toHaveLength(2);
  });
});
