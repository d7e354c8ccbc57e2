import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFrameCode, type FrameCodeReading } from '@/lib/annotate/video/frame-code';
import { renderFrameIndexVideo, type FrameIndexVideo } from '@/prisma/fixtures/frame-index-video';
import { probeAv } from '../av/probe-av';
import { runAvTool } from '../av/run-av-tool';
import type { DerivativeFile } from '../types';
import { imageSize } from './image-size';
import type { FrameMap } from './make-frame-map';
import { makeVideoDerivatives } from './make-video-derivatives';

// Issue 8's proof of frame exactness, server half: the proxy the worker makes shows, as its frame n,
// the source's frame n, and the frame map gives that frame's time. The editor's e2e reads the same
// code from the rendered <video> through a canvas (lib/annotate/video/frame-code.ts).

let dir: string;

interface Derived {
  source: FrameIndexVideo;
  proxy: string;
  size: { width: number; height: number };
  frameMap: FrameMap;
}

async function derive(source: FrameIndexVideo): Promise<Derived> {
  const probe = await probeAv(source.path);
  const workDir = await mkdtemp(path.join(dir, 'work-'));
  const files = await makeVideoDerivatives({ filePath: source.path, probe, workDir });
  const of = (kind: DerivativeFile['kind']) => files.find((f) => f.kind === kind)!;
  const frameMap = JSON.parse(await readFile(of('FRAME_MAP').path, 'utf8')) as FrameMap;
  const proxy = of('PROXY').path;
  return { source, proxy, size: await imageSize(proxy), frameMap };
}

/**
 * Decodes every frame of the video to RGBA at `width`×`height` (after the optional filter) and reads
 * its code as the frame streams through the pipe: memory holds one frame, never the video.
 */
async function readEveryFrame(filePath: string, width: number, height: number, filter?: string): Promise<FrameCodeReading[]> {
  const frameBytes = width * height * 4;
  const frame = Buffer.alloc(frameBytes);
  let filled = 0;
  const readings: FrameCodeReading[] = [];
  await runAvTool(
    'ffmpeg',
    [
      ...['-v', 'error', '-i', filePath, ...(filter ? ['-vf', filter] : [])],
      // passthrough: rawvideo would otherwise default to a constant rate and duplicate or drop frames
      // of a variable-rate video, and the test would count frames ffmpeg made up.
      ...['-fps_mode', 'passthrough', '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'],
    ],
    {
      timeoutMs: 300_000,
      onStdout: (chunk) => {
        for (let offset = 0; offset < chunk.length; ) {
          const take = Math.min(frameBytes - filled, chunk.length - offset);
          chunk.copy(frame, filled, offset, offset + take);
          filled += take;
          offset += take;
          if (filled === frameBytes) {
            readings.push(readFrameCode(frame, width, height));
            filled = 0;
          }
        }
      },
    },
  );
  expect(filled, 'ffmpeg ended inside a frame').toBe(0);
  return readings;
}

/** Frames whose code is not their own index: empty when the video is frame-exact. */
function misread(readings: readonly FrameCodeReading[]) {
  return readings.flatMap((r, n) =>
    r.index === n ? [] : [{ frame: n, read: r.index, problem: r.problem, lumas: r.lumas.map(Math.round).join(' ') }],
  );
}

const identity = (count: number) => Array.from({ length: count }, (_, n) => n);

describe('frame exactness of the video proxy and frame map', { timeout: 300_000 }, () => {
  const videos: Partial<Record<'cfr' | 'vfr' | 'hd', Derived>> = {};
  const get = (name: keyof typeof videos) => videos[name]!;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'frame-exact-'));
    const [cfr, vfr, hd] = await Promise.all([
      renderFrameIndexVideo('cfr', path.join(dir, 'cfr.mp4')),
      renderFrameIndexVideo('vfr', path.join(dir, 'vfr.mp4')),
      // Larger than the proxy's 720 px: the worker's own downscale must keep the code readable.
      renderFrameIndexVideo('cfr', path.join(dir, 'hd.mp4'), { frames: 60, width: 1920, height: 1080 }),
    ]);
    // One after another: three ffmpeg encodes at once on a 2-core machine only slow each other down.
    videos.cfr = await derive(cfr);
    videos.vfr = await derive(vfr);
    videos.hd = await derive(hd);
  }, 300_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('constant rate: every proxy frame shows its own index, and the frame map has its time', async () => {
    const { source, proxy, size, frameMap } = get('cfr');
    expect(size).toEqual({ width: 640, height: 360 });
    const readings = await readEveryFrame(proxy, size.width, size.height);
    expect(misread(readings)).toEqual([]);
    expect(readings).toHaveLength(source.frameCount);

    expect(frameMap).toMatchObject({ fps: 30, frameCount: readings.length, variableFrameRate: false });
    expect(frameMap.times).toHaveLength(readings.length);
    frameMap.times.forEach((t, n) => expect(t).toBeCloseTo(source.times[n]!, 5));
  });

  it('variable rate: every proxy frame shows its own index at its own irregular time', async () => {
    const { source, proxy, size, frameMap } = get('vfr');
    const readings = await readEveryFrame(proxy, size.width, size.height);
    expect(misread(readings)).toEqual([]);
    expect(readings).toHaveLength(source.frameCount);

    expect(frameMap).toMatchObject({ frameCount: readings.length, variableFrameRate: true });
    frameMap.times.forEach((t, n) => expect(t).toBeCloseTo(source.times[n]!, 5));
    // The steps really vary: 1/60, 1/30 and 1/15 s (in ms), so a constant-rate assumption would fail.
    const steps = new Set(frameMap.times.slice(1).map((t, i) => Math.round((t - frameMap.times[i]!) * 1000)));
    expect(steps).toEqual(new Set([17, 33, 67]));
  });

  it('frame-map times strictly increase and start at the first frame', () => {
    for (const name of ['cfr', 'vfr', 'hd'] as const) {
      const { times } = get(name).frameMap;
      expect(times[0]).toBe(0);
      expect(times.filter((t, n) => n > 0 && t <= times[n - 1]!)).toEqual([]);
    }
  });

  it('a 1080p source, scaled down to the 720p proxy by the worker, still reads frame for frame', async () => {
    const { source, proxy, size, frameMap } = get('hd');
    expect(size).toEqual({ width: 1280, height: 720 });
    const readings = await readEveryFrame(proxy, size.width, size.height);
    expect(readings.map((r) => r.index)).toEqual(identity(source.frameCount));
    expect(frameMap.frameCount).toBe(source.frameCount);
  });

  it('reads the same when the editor shows the proxy small (320×180, bilinear like a canvas)', async () => {
    for (const name of ['cfr', 'vfr'] as const) {
      const { source, proxy } = get(name);
      const readings = await readEveryFrame(proxy, 320, 180, 'scale=320:180:flags=bilinear');
      expect(misread(readings), name).toEqual([]);
      expect(readings).toHaveLength(source.frameCount);
    }
  });

  it('a frame whose code is painted over reads as null, never as a wrong number', async () => {
    const { proxy, size } = get('cfr');
    // Mid grey over the top 40% of every frame: the whole code area, as a title card or an overlay would.
    const readings = await readEveryFrame(proxy, size.width, size.height, 'drawbox=x=0:y=0:w=iw:h=ih*0.4:color=0x808080:t=fill');
    expect(readings.length).toBeGreaterThan(0);
    expect(new Set(readings.map((r) => r.index))).toEqual(new Set([null]));
    expect(new Set(readings.map((r) => r.problem))).toEqual(new Set(['ambiguous']));
  });
});
