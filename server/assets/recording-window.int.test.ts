import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAssetSpectrogram } from '@/lib/api/operations/assets';
import { fx } from '@/tests/api/workflow-flow-support';
import { freshAsset, freshRecording } from '@/tests/api/matrix-fixtures';
import { db } from '../db';
import { AppError } from '../errors';
import { closeQueues } from '../jobs/enqueue';
import { renderSpectrogram } from './render-spectrogram';

// The audio editor's spectrogram: ffmpeg draws the stretch in view of a recording on demand.

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
