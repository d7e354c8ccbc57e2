import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeAv } from '../av/probe-av';
import { ffprobeFrameTimes, ffprobeStreams, makeTestsrc, makeVariableRateVideo, topLevelBoxes } from '../av/test-media';
import type { DerivativeFile } from '../types';
import type { FrameMap } from './make-frame-map';
import { makeVideoDerivatives } from './make-video-derivatives';

let dir: string;
const at = (name: string) => path.join(dir, name);

async function derive(name: string) {
  const probe = await probeAv(at(name));
  const workDir = await mkdtemp(path.join(dir, 'work-'));
  const files = await makeVideoDerivatives({ filePath: at(name), probe, workDir });
  const of = (kind: DerivativeFile['kind']) => files.find((f) => f.kind === kind)!;
  const frameMap = JSON.parse(await readFile(of('FRAME_MAP').path, 'utf8')) as FrameMap;
  return { files, of, frameMap };
}

describe('makeVideoDerivatives', { timeout: 180_000 }, () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'video-derivatives-'));
    await Promise.all([makeTestsrc(at('cfr.mp4'), { seconds: 10, fps: 25, audio: true }), makeVariableRateVideo(at('vfr.mp4'))]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a 10 s 25 fps video: faststart H.264 proxy, 250 frames 0.04 s apart, poster, thumbnail, strip', async () => {
    const { files, of, frameMap } = await derive('cfr.mp4');
    expect(files.map((f) => `${f.kind}:${f.variant}`)).toEqual([
      'PROXY:',
      'FRAME_MAP:',
      'POSTER:',
      'THUMBNAIL:256',
      'THUMBNAIL_STRIP:',
    ]);

    const streams = await ffprobeStreams(of('PROXY').path);
    expect(streams.map((s) => `${s.codec_type}:${s.codec_name}`)).toEqual(['video:h264', 'audio:aac']);
    const boxes = await topLevelBoxes(of('PROXY').path);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));

    expect(frameMap).toMatchObject({ fps: 25, frameCount: 250, variableFrameRate: false });
    expect(frameMap.times).toHaveLength(250);
    frameMap.times.forEach((t, n) => expect(t).toBeCloseTo(n * 0.04, 5));
    // A keyframe every second: seeking decodes at most 25 frames.
    expect(frameMap.keyframes).toEqual([0, 25, 50, 75, 100, 125, 150, 175, 200, 225]);

    expect(of('POSTER').params).toMatchObject({ frame: 25, width: 320, height: 240 });
    expect(of('THUMBNAIL').params).toMatchObject({ width: 256, height: 192 });
    const [strip] = await ffprobeStreams(of('THUMBNAIL_STRIP').path);
    expect(strip).toMatchObject({ width: 1600, height: 120 });
    expect(of('THUMBNAIL_STRIP').params).toMatchObject({
      columns: 10,
      times: [0.48, 1.48, 2.48, 3.48, 4.48, 5.48, 6.48, 7.48, 8.48, 9.48],
    });
  });

  it('a variable-frame-rate video keeps its real frame times in the proxy and the frame map', async () => {
    const { of, frameMap } = await derive('vfr.mp4');
    expect(frameMap.variableFrameRate).toBe(true);
    expect(frameMap.times).toEqual(await ffprobeFrameTimes(of('PROXY').path));
    expect(frameMap.frameCount).toBe((await probeAv(at('vfr.mp4'))).video?.frameCount);
    const sourceTimes = new Set(await ffprobeFrameTimes(at('vfr.mp4')));
    expect(frameMap.times.filter((t) => !sourceTimes.has(t))).toEqual([]);
    const steps = new Set(frameMap.times.slice(1).map((t, i) => Math.round((t - frameMap.times[i]!) * 1000)));
    expect(steps).toEqual(new Set([40, 100]));
  });
});
