import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkers, type WorkerPool } from '@/workers/start-workers';
import { ffmpegVersion } from '../media/av/ffmpeg-version';
import { ffmpeg, makeTestsrc, makeVariableRateVideo } from '../media/av/test-media';
import { closeQueues } from '../jobs/enqueue';
import { importTarget, settledAsset } from './pipeline-test-support';

// Audio and video through ingestFile and real in-process workers; files made here with ffmpeg.
let pool: WorkerPool;
let target: Awaited<ReturnType<typeof importTarget>>;
let dir: string;

beforeAll(async () => {
  target = await importTarget();
  dir = await mkdtemp(path.join(os.tmpdir(), 'loupe-pipeline-av-'));
  pool = startWorkers({ queues: ['ingest', 'preprocess'], log: () => undefined });
});
afterAll(async () => {
  await pool.close();
  await closeQueues();
  await rm(dir, { recursive: true, force: true });
});

async function made(name: string, make: (file: string) => Promise<void>): Promise<Buffer> {
  const file = path.join(dir, name);
  await make(file);
  return readFile(file);
}

const kinds = (asset: { derivatives: { kind: string }[] }) => [...new Set(asset.derivatives.map((d) => d.kind))].sort();

describe('ingest → preprocess, audio and video', () => {
  it('a WAV of tones becomes READY AUDIO with waveform peaks', async () => {
    const wav = await made('tones.wav', (f) => ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', f));
    const { assetId } = await target.upload('tones.wav', wav);
    const asset = await settledAsset(assetId, 40_000);
    expect(asset).toMatchObject({ stage: 'READY', kind: 'AUDIO', mime: 'audio/wav', width: null, fps: null });
    expect(asset.durationSec).toBeCloseTo(3, 1);
    expect(asset.probe).toMatchObject({ kind: 'AUDIO', silent: false, audio: { sampleRate: 44100, channels: 1 } });
    expect(kinds(asset)).toContain('PEAKS');
    expect(asset.stageRuns.map((r) => [r.stage, r.outcome])).toEqual([
      ['ingest', 'OK'],
      ['preprocess', 'OK'],
    ]);
    expect(asset.stageRuns[0]?.tools).toEqual({ ffprobe: await ffmpegVersion() });
    expect(asset.stageRuns[1]?.jobId).toBe(`preprocess-${assetId}-PEAKS`);
  });

  it('an audio file of silence only is READY and flagged silent', async () => {
    const wav = await made('silence.wav', (f) => ffmpeg('-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '3', f));
    const asset = await settledAsset((await target.upload('silence.wav', wav)).assetId, 40_000);
    expect(asset).toMatchObject({ stage: 'READY', kind: 'AUDIO' });
    expect(asset.probe).toMatchObject({ silent: true });
    expect(kinds(asset)).toContain('PEAKS');
  });

  it('an MP4 becomes READY VIDEO with fps, frame count, proxy, frame map, poster and strip', async () => {
    const mp4 = await made('clip.mp4', (f) => makeTestsrc(f, { seconds: 2, fps: 25, audio: true }));
    const asset = await settledAsset((await target.upload('clip.mp4', mp4)).assetId, 60_000);
    expect(asset).toMatchObject({
      stage: 'READY',
      kind: 'VIDEO',
      mime: 'video/mp4',
      width: 320,
      height: 240,
      fps: 25,
      frameCount: 50,
    });
    expect(asset.probe).toMatchObject({ video: { variableFrameRate: false }, audio: { codec: 'aac' } });
    expect(kinds(asset)).toEqual(expect.arrayContaining(['FRAME_MAP', 'POSTER', 'PROXY', 'THUMBNAIL_STRIP']));
  });

  it('a variable-frame-rate video is READY and recorded as such', async () => {
    const mp4 = await made('vfr.mp4', makeVariableRateVideo);
    const asset = await settledAsset((await target.upload('vfr.mp4', mp4)).assetId, 60_000);
    expect(asset).toMatchObject({ stage: 'READY', kind: 'VIDEO' });
    expect(asset.probe).toMatchObject({ video: { variableFrameRate: true } });
    const frameMap = asset.derivatives.find((d) => d.kind === 'FRAME_MAP');
    expect(frameMap?.params).toMatchObject({ variableFrameRate: true });
  });

  it('a truncated MP4 is QUARANTINED as corrupt', async () => {
    const mp4 = await made('whole.mp4', (f) => makeTestsrc(f, { seconds: 2, fps: 25 }));
    const { assetId } = await target.upload('cut.mp4', mp4.subarray(0, Math.floor(mp4.length * 0.6)));
    const asset = await settledAsset(assetId, 40_000);
    expect(asset.stage).toBe('QUARANTINED');
    expect(asset.failureReason).toMatch(/^corrupt: /);
    expect(asset.derivatives).toEqual([]);
  });
});
