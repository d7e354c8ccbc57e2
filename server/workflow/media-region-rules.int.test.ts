import { describe, expect, it } from 'vitest';
import type { TRegion } from '@/lib/schemas/workflow';
import { claimed, problemOf, save, stored, submit, useRegionRulesWorld, world } from '@/tests/api/region-rules-world';
import { fx } from '@/tests/api/workflow-flow-support';
import { db } from '../db';
import { getAssignment } from './get-assignment';
import { findTaskMedia } from './find-task-media';

// Regions on recordings and videos under the same rules as region-rules.int.test.ts: audio segments
// (and what the work page learns of a recording before its scripts run) and polygon tracks.

useRegionRulesWorld();

describe('audio segments', () => {
  const segment = (id: string, start: number, end: number, extra: Record<string, unknown> = {}): TRegion => ({
    id,
    type: 'audio_segment',
    classId: 'speech',
    attributes: {},
    start,
    end,
    text: 'hello',
    ...extra,
  });
  /** A ten-second recording with its waveform levels and a streamable proxy, as the pipeline leaves one. */
  const recording = async (assetId: string) => {
    const { blobSha256 } = await db().asset.update({
      where: { id: assetId },
      data: { kind: 'AUDIO', mime: 'audio/wav', durationSec: 10 },
      select: { blobSha256: true },
    });
    const made = { blobSha256, tool: 'ffmpeg', toolVersion: 'test', assetId };
    await db().assetDerivative.createMany({
      data: [
        {
          ...made,
          kind: 'PEAKS',
          variant: '512',
          mime: 'application/json',
          params: { samplesPerPixel: 512, sampleRate: 16000, length: 313 },
        },
        {
          ...made,
          kind: 'PEAKS',
          variant: '32',
          mime: 'application/json',
          params: { samplesPerPixel: 32, sampleRate: 16000, length: 5000 },
        },
        { ...made, kind: 'PROXY', variant: '', mime: 'audio/mp4' },
      ],
    });
  };

  it('give the editor its waveform levels, finest first, and the proxy to play', async () => {
    const assignmentId = await claimed(recording);
    const view = await getAssignment(world.annotator, { projectId: world.projectId, assignmentId });
    expect(view.asset.peaks.map((l) => [l.samplesPerPixel, l.sampleRate, l.length])).toEqual([
      [32, 16000, 5000],
      [512, 16000, 313],
    ]);
    expect(view.asset.peaks[0]!.url).toMatch(/\/derivatives\/peaks\?variant=32&v=/);
    expect(view.asset.playUrl).toMatch(/\/derivatives\/proxy\?v=/);
  });

  it('give the work page the medium and the coarsest level to preload, as far as the caller may see the item', async () => {
    const assignmentId = await claimed(recording);
    const ref = { projectId: world.projectId, assignmentId };
    const coarsest = (await getAssignment(world.annotator, ref)).asset.peaks.at(-1)!.url;
    expect(coarsest).toMatch(/variant=512&/);
    expect(await findTaskMedia(world.annotator, ref)).toEqual({ kind: 'AUDIO', waveformOverview: coarsest });
    expect(await findTaskMedia(world.lead, ref)).toEqual({ kind: 'AUDIO', waveformOverview: coarsest });
    // An image item: its medium, nothing to preload.
    const image = { ...ref, assignmentId: await claimed() };
    expect(await findTaskMedia(world.annotator, image)).toEqual({ kind: 'IMAGE', waveformOverview: null });
    // Not the reviewer's item (getAssignment refuses them), not this project's.
    expect(await findTaskMedia(world.reviewer, ref)).toBeNull();
    const stranger = await fx.world();
    const refused = await findTaskMedia(stranger.owner, ref).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'NOT_FOUND' });
    expect(await findTaskMedia(stranger.owner, { ...ref, projectId: stranger.projectId })).toBeNull();
  });

  it('are saved with an empty transcript, but not submitted with one, nor past the end of the file', async () => {
    const assignmentId = await claimed(recording);
    const draft = [segment('a', 1, 2, { text: ' ' }), segment('b', 9, 12), segment('c', 3, 4)];
    const { version } = await save(assignmentId, 1, draft);
    const { status, body } = await problemOf(submit(assignmentId, version));
    expect(status).toBe(422);
    expect(body.detail).toBe('This item cannot be submitted yet: Speech at 1.00 s has no transcript (and 1 more problem)');
    expect(body.errors).toEqual([
      expect.objectContaining({ regionId: 'a', path: 'regions.0.text', blocking: 'submit' }),
      expect.objectContaining({
        regionId: 'b',
        path: 'regions.1.end',
        message: 'Speech at 9.00 s ends after the file does (12.00 s of 10.00 s)',
      }),
    ]);
    // Marked intentional by the annotator, both go through.
    const marked = draft.map((r) => (r.id === 'c' ? r : { ...r, intentional: true }));
    const saved = await save(assignmentId, version, marked);
    expect(await submit(assignmentId, saved.version)).toMatchObject({ movedTo: 'Review' });
  });

  it('refuses a segment that ends before it starts at save', async () => {
    const assignmentId = await claimed(recording);
    const { body } = await problemOf(save(assignmentId, 1, [segment('a', 3, 2)]));
    expect(body.errors).toEqual([expect.objectContaining({ regionId: 'a', field: 'end', blocking: 'save' })]);
  });
});

describe('polygon tracks', () => {
  const triangle = (frame: number, dx: number) => ({
    frame,
    x: 0.1 + dx,
    y: 0.1,
    w: 0.2,
    h: 0.2,
    state: 'visible',
    points: [
      [0.1 + dx, 0.1],
      [0.3 + dx, 0.1],
      [0.2 + dx, 0.3],
    ],
  });
  const shadow: TRegion = {
    id: 't1',
    type: 'video_track',
    classId: 'shadow',
    attributes: {},
    keyframes: [triangle(0, 0), triangle(9, 0.4)],
  };

  it('are saved and submitted for a class allowing polygons; a box-only class or a box that is not the bounds is refused (422)', async () => {
    const assignmentId = await claimed();
    const boxOnly = await problemOf(save(assignmentId, 1, [{ ...shadow, classId: 'truck' }]));
    expect(boxOnly.status).toBe(422);
    expect(boxOnly.body.errors).toEqual([
      expect.objectContaining({
        regionId: 't1',
        field: 'keyframes',
        message: 'Truck does not allow polygons: track it with boxes',
      }),
    ]);
    const loose = await problemOf(save(assignmentId, 1, [{ ...shadow, keyframes: [{ ...triangle(0, 0), w: 0.5 }] }]));
    expect(loose.body.errors).toEqual([
      expect.objectContaining({
        regionId: 't1',
        field: 'keyframes',
        message: expect.stringMatching(/box is its polygon's bounds/),
      }),
    ]);
    expect((await stored(assignmentId)).version).toBe(1);
    const { version } = await save(assignmentId, 1, [shadow]);
    expect((await stored(assignmentId)).regions).toEqual([shadow]);
    expect(await submit(assignmentId, version)).toMatchObject({ movedTo: 'Review' });
  });
});
