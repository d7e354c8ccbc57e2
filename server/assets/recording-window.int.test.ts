import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAssetSamples, getAssetSpectrogram } from '@/lib/api/operations/assets';
import { fx } from '@/tests/api/workflow-flow-support';
import { freshAsset, freshBatch, freshRecording } from '@/tests/api/matrix-fixtures';
import { runAvTool } from '../media/av/run-av-tool';
import { ingestFile } from './ingest-file';
import { db } from '../db';
import { AppError } from '../errors';
import { closeQueues } from '../jobs/enqueue';
import { readSamples } from './read-samples';
import { renderSpectrogram } from './render-spectrogram';

// The audio editor's views of the stretch in view, made by ffmpeg on demand: the spectrogram and the samples.

afterAll(closeQueues);

let world: Awaited<ReturnType<typeof fx.world>>;
let other: Awaited<ReturnType<typeof fx.world>>;
let recording: string;

beforeAll(async () => {
  [world, other] = [await fx.world(), await fx.world()];
  recording = await freshRecording(world.owner, world.projectId);
  await db().asset.update({ where: { id: recording }, data: { durationSec: 0.5 } });
});

const render = (ctx: typeof world.owner, projectId: string, assetId: string, window = { start: 0, end: 0.5 }) =>
  renderSpectrogram(ctx, { projectId, assetId, ...window, width: 200, height: 64 });

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('spectrogram', () => {
  it('is a PNG of the size asked for, for any member', async () => {
    const png = Buffer.from(await render(world.annotator, world.projectId, recording));
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 200, height: 64 });
    // A 440 Hz tone: not a blank picture.
    const { channels } = await sharp(png).stats();
    expect(channels[0]!.max).toBeGreaterThan(channels[0]!.min);
  });

  it("is another project's asset: 404, and an image or a window past the end: 422", async () => {
    expect((await refusal(render(other.owner, other.projectId, recording))).code).toBe('NOT_FOUND');
    expect((await refusal(render(other.owner, world.projectId, recording))).code).toBe('NOT_FOUND');
    const image = await freshAsset(world.owner, world.projectId);
    await db().asset.update({ where: { id: image }, data: { kind: 'IMAGE' } });
    expect((await refusal(render(world.owner, world.projectId, image))).message).toBe('An image has no spectrogram');
    expect((await refusal(render(world.owner, world.projectId, recording, { start: 3, end: 4 }))).code).toBe('UNPROCESSABLE');
  });

  it('refuses a window that is backwards, too long or too large', () => {
    const query = getAssetSpectrogram.query!;
    expect(query.safeParse({ start: '2', end: '1', width: '100', height: '50' }).success).toBe(false);
    expect(query.safeParse({ start: '0', end: '601', width: '100', height: '50' }).success).toBe(false);
    expect(query.safeParse({ start: '0', end: '1', width: '5000', height: '50' }).success).toBe(false);
    expect(query.safeParse({ start: '0', end: '1', width: '100', height: '50' }).success).toBe(true);
  });
});

describe('samples', () => {
  const samples = (ctx: typeof world.owner, assetId: string, window: { start: number; end: number }, width: number) =>
    readSamples(ctx, { projectId: world.projectId, assetId, ...window, width });

  it("are the original's own samples at its rate, one by one when few enough", async () => {
    // The fixture is a 440 Hz tone at 8 kHz: 0.01 s is 80 samples, 4.4 cycles.
    const w = await samples(world.reviewer, recording, { start: 0.1, end: 0.11 }, 100);
    expect(w).toMatchObject({ sampleRate: 8000, start: 0.1, kind: 'samples', samplesPerPoint: 1 });
    expect(w.data).toHaveLength(80);
    const crossings = w.data.filter((v, i) => i > 0 && Math.sign(v) !== Math.sign(w.data[i - 1]!)).length;
    expect(crossings).toBeGreaterThanOrEqual(8);
    expect(crossings).toBeLessThanOrEqual(10);
    expect(Math.max(...w.data)).toBeGreaterThan(0.2);
  });

  it('right after a seek into an MP3 are the sound there, not the silence a cold decoder gives', async () => {
    const chunks: Buffer[] = [];
    await runAvTool('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-f', 'mp3', '-'], {
      timeoutMs: 20_000,
      onStdout: (chunk) => void chunks.push(chunk),
    });
    const { assetId } = await ingestFile(world.owner, {
      projectId: world.projectId,
      batchId: await freshBatch(world.owner, world.projectId),
      name: 'tone.mp3',
      source: 'UPLOAD',
      bytes: Buffer.concat(chunks),
    });
    await db().asset.update({ where: { id: assetId }, data: { probe: { audio: { sampleRate: 44100 } } } });
    const w = await samples(world.owner, assetId, { start: 2, end: 2.01 }, 1000);
    expect(w.data).toHaveLength(441);
    expect(Math.max(...w.data)).toBeGreaterThan(0.1);
  });

  it('fold into min/max per pixel past two samples a pixel', async () => {
    const w = await samples(world.owner, recording, { start: 0, end: 0.5 }, 100);
    expect(w).toMatchObject({ kind: 'minmax', samplesPerPoint: 40 });
    expect(w.data).toHaveLength(200);
    for (let i = 0; i < w.data.length; i += 2) expect(w.data[i]!).toBeLessThanOrEqual(w.data[i + 1]!);
  });

  it("are 404 in another project's hands, 422 for an image or a recording without a probed rate", async () => {
    expect(
      (await refusal(readSamples(other.owner, { projectId: world.projectId, assetId: recording, start: 0, end: 0.1, width: 64 })))
        .code,
    ).toBe('NOT_FOUND');
    const unprobed = await freshRecording(world.owner, world.projectId);
    await db().asset.update({ where: { id: unprobed }, data: { probe: { kind: 'AUDIO' } } });
    expect((await refusal(samples(world.owner, unprobed, { start: 0, end: 0.1 }, 64))).message).toBe(
      'This recording has no audio stream',
    );
  });

  it('refuses a window that is backwards, longer than 2 s or too wide', () => {
    const query = getAssetSamples.query!;
    expect(query.safeParse({ start: '1', end: '0.5', width: '100' }).success).toBe(false);
    expect(query.safeParse({ start: '0', end: '2.5', width: '100' }).success).toBe(false);
    expect(query.safeParse({ start: '0', end: '1', width: '9000' }).success).toBe(false);
    expect(query.safeParse({ start: '0', end: '1', width: '100' }).success).toBe(true);
  });
});
