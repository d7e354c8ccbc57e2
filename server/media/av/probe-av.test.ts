import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaRejection } from '../media-rejection';
import { probeAv } from './probe-av';
import { ffmpeg, makeTestsrc, makeVariableRateVideo } from './test-media';

let dir: string;
const at = (name: string) => path.join(dir, name);

async function rejection(filePath: string, options?: Parameters<typeof probeAv>[1]): Promise<MediaRejection> {
  const error = await probeAv(filePath, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaRejection);
  return error as MediaRejection;
}

async function cutAt(source: string, target: string, fraction: number) {
  const bytes = await readFile(source);
  await writeFile(target, bytes.subarray(0, Math.floor(bytes.length * fraction)));
}

describe('probeAv', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'probe-av-'));
    await Promise.all([
      makeTestsrc(at('cfr.mp4'), { seconds: 10, fps: 25, audio: true }),
      makeTestsrc(at('faststart.mp4'), { seconds: 10, fps: 25, faststart: true }),
      makeVariableRateVideo(at('vfr.mp4')),
      ffmpeg('-f', 'lavfi', '-i', 'anullsrc=r=22050:cl=mono', '-t', '3', at('silence.wav')),
      ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-c:a', 'libmp3lame', at('tone.mp3')),
      ffmpeg('-f', 'lavfi', '-i', 'color=c=red:s=64x64', '-frames:v', '1', at('image.png')),
    ]);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('describes a constant-rate video: 250 frames at 25 fps, codecs, size', async () => {
    const probe = await probeAv(at('cfr.mp4'));
    expect(probe).toMatchObject({ kind: 'VIDEO', mime: 'video/mp4', container: 'mp4' });
    expect(probe.durationSec).toBeCloseTo(10, 1);
    expect(probe.video).toEqual({ codec: 'h264', width: 320, height: 240, fps: 25, frameCount: 250, variableFrameRate: false });
    expect(probe.audio).toMatchObject({ codec: 'aac', channels: 1 });
  });

  it('detects a variable frame rate', async () => {
    const probe = await probeAv(at('vfr.mp4'));
    expect(probe.video?.variableFrameRate).toBe(true);
    // 70 packets, but the MP4's edit list ends where the last frame starts: 69 frames are shown.
    expect(probe.video?.frameCount).toBe(69);
  });

  it('accepts silence-only audio and flags it silent; a tone is not silent', async () => {
    expect(await probeAv(at('silence.wav'))).toMatchObject({ kind: 'AUDIO', mime: 'audio/wav', silent: true });
    expect(await probeAv(at('tone.mp3'))).toMatchObject({ kind: 'AUDIO', mime: 'audio/mpeg', silent: false });
  });

  it('rejects an MP4 cut at 60%, with or without its index first', async () => {
    await cutAt(at('cfr.mp4'), at('cut.mp4'), 0.6);
    await cutAt(at('faststart.mp4'), at('cut-faststart.mp4'), 0.6);
    expect((await rejection(at('cut.mp4'))).code).toBe('corrupt');
    const cut = await rejection(at('cut-faststart.mp4'));
    expect(cut.code).toBe('corrupt');
    expect(cut.message).toMatch(/truncated/);
  });

  it('rejects an empty file as zero_length', async () => {
    await writeFile(at('empty.mp3'), '');
    expect((await rejection(at('empty.mp3'))).code).toBe('zero_length');
  });

  it('rejects text named .mp3 and an image named .mp4, without leaking the server path', async () => {
    await writeFile(at('notes.mp3'), 'these are meeting notes, not audio\n'.repeat(20));
    const text = await rejection(at('notes.mp3'));
    expect(['corrupt', 'unsupported_type']).toContain(text.code);
    expect(text.message).not.toContain(dir);
    await writeFile(at('image.mp4'), await readFile(at('image.png')));
    expect((await rejection(at('image.mp4'))).code).toBe('unsupported_type');
  });

  it('rejects media longer than the configured limit', async () => {
    expect((await rejection(at('tone.mp3'), { maxDurationSec: 2 })).code).toBe('too_long');
  });
});
