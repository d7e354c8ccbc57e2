import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZTaxonomyDefinitionSchema } from '@/lib/schemas/taxonomy';
import type { TRegion } from '@/lib/schemas/workflow';
import { fx } from '@/tests/api/workflow-flow-support';
import { db } from '../db';
import { AppError } from '../errors';
import { problemFromError } from '../http/problem';
import { closeQueues } from '../jobs/enqueue';
import { publishTaxonomyVersion } from '../taxonomy/publish-taxonomy-version';
import { saveTaxonomyDraft } from '../taxonomy/save-taxonomy-draft';
import { claimNextTask } from './claim-next-task';
import { getAssignment } from './get-assignment';
import { createTasks } from './create-tasks';
import { findTaskMedia } from './find-task-media';
import { getWorkflow } from './get-workflow';
import { saveAnnotation } from './save-annotation';
import { saveWorkflow } from './save-workflow';
import { skipAssignment } from './skip-assignment';
import { submitAssignment } from './submit-assignment';

// The server holds saves and submits to lib/annotate/validate-regions.ts, against the classes of the
// annotation's taxonomy version that the pass may use: malformed regions are never stored, and an item
// is only handed in complete.

afterAll(closeQueues);

const DEFINITION = ZTaxonomyDefinitionSchema.parse({
  classes: [
    {
      id: 'car',
      name: 'Car',
      color: '#e53935',
      geometries: ['bbox', 'polygon'],
      attributes: [{ id: 'color', name: 'Color', type: 'enum', required: true, options: ['red', 'blue'] }],
    },
    {
      id: 'person',
      name: 'Person',
      color: '#3949ab',
      geometries: ['keypoints'],
      skeleton: {
        keypoints: [
          { id: 'head', name: 'Head' },
          { id: 'neck', name: 'Neck' },
          { id: 'hip', name: 'Hip' },
        ],
        edges: [
          [0, 1],
          [1, 2],
        ],
      },
    },
    { id: 'cat', name: 'cat', color: '#ff0000', geometries: ['classification'] },
    { id: 'speech', name: 'Speech', color: '#8e24aa', geometries: ['audio_segment'], transcribed: true },
    { id: 'truck', name: 'Truck', color: '#00897b', geometries: ['video_track'] },
    { id: 'shadow', name: 'Shadow', color: '#43a047', geometries: ['video_track', 'polygon'] },
  ],
});

const box = (extra: Record<string, unknown> = {}): TRegion => ({
  id: 'b1',
  type: 'bbox',
  classId: 'car',
  attributes: { color: 'red' },
  x: 0.1,
  y: 0.1,
  w: 0.3,
  h: 0.2,
  ...extra,
});
const VALID: TRegion[] = [
  box(),
  {
    id: 'p1',
    type: 'polygon',
    classId: 'car',
    attributes: { color: 'blue' },
    points: [
      [0.5, 0.5],
      [0.9, 0.5],
      [0.7, 0.9],
    ],
  },
  {
    id: 'k1',
    type: 'keypoints',
    classId: 'person',
    attributes: {},
    points: [
      { x: 0.2, y: 0.1, v: 2 },
      { x: 0.2, y: 0.2, v: 2 },
      { x: 0.2, y: 0.5, v: 1 },
    ],
  },
];

let world: Awaited<ReturnType<typeof fx.workflowWorld>>;

beforeAll(async () => {
  world = await fx.workflowWorld({ label: ['ANNOTATOR'], review: ['REVIEWER'], adjudicate: ['DATA_LEAD'] });
  await saveTaxonomyDraft(world.owner, { projectId: world.projectId, definition: DEFINITION, baseUpdatedAt: null });
  await publishTaxonomyVersion(world.owner, { projectId: world.projectId });
});

/** A fresh item claimed by the annotator in the label pass (an item left held by an earlier test is given back). */
async function claimed(prepare?: (assetId: string) => Promise<unknown>): Promise<string> {
  const [assetId] = await fx.readyAssets(world, 1);
  await prepare?.(assetId!);
  await createTasks(world.lead, { projectId: world.projectId, selection: { by: 'assets', assetIds: [assetId!] }, priority: 99 });
  const claim = () => claimNextTask(world.annotator, { projectId: world.projectId, passId: world.passes.label });
  let item = (await claim()).assignment!;
  if (item.asset.id !== assetId) {
    await skipAssignment(world.annotator, { projectId: world.projectId, assignmentId: item.assignment.id, reason: 'next test' });
    item = (await claim()).assignment!;
  }
  expect(item.asset.id).toBe(assetId);
  return item.assignment.id;
}

const save = (assignmentId: string, version: number, regions: TRegion[]) =>
  saveAnnotation(world.annotator, { projectId: world.projectId, assignmentId, version, regions });
const submit = (assignmentId: string, version: number) =>
  submitAssignment(world.annotator, { projectId: world.projectId, assignmentId, version });

/** The problem+json a refused call answers with. */
async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const response = problemFromError(error);
  return { status: response.status, body: (await response.json()) as { code: string; detail: string; errors: unknown[] } };
}

const stored = (assignmentId: string) =>
  db().annotation.findUniqueOrThrow({ where: { assignmentId }, select: { version: true, regions: true, status: true } });

describe('saving regions', () => {
  it('refuses a malformed box with 422 naming it, and stores nothing', async () => {
    const assignmentId = await claimed();
    const { status, body } = await problemOf(save(assignmentId, 1, [box({ id: 'ok' }), box({ x: 0.9, w: 0.3 })]));
    expect(status).toBe(422);
    expect(body.code).toBe('UNPROCESSABLE');
    expect(body.detail).toBe('These labels cannot be saved: Car box extends past the right edge of the image');
    expect(body.errors).toEqual([
      {
        path: 'regions.1.w',
        regionId: 'b1',
        index: 1,
        field: 'w',
        message: 'Car box extends past the right edge of the image',
        blocking: 'save',
      },
    ]);
    expect(await stored(assignmentId)).toEqual({ version: 1, regions: [], status: 'DRAFT' });
    // The same save with a box that fits goes through at the version it was refused at.
    expect((await save(assignmentId, 1, [box()])).version).toBe(2);
  });

  it('refuses a box without geometry and a class outside the taxonomy', async () => {
    const assignmentId = await claimed();
    const bare: TRegion = { id: 'b1', type: 'bbox', classId: 'car', attributes: { color: 'red' } };
    expect((await problemOf(save(assignmentId, 1, [bare]))).body.errors).toEqual([
      expect.objectContaining({ regionId: 'b1', field: 'x', blocking: 'save' }),
    ]);
    const unknown = await problemOf(save(assignmentId, 1, [box({ id: 'd1', classId: 'dog' })]));
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail).toMatch(/class that cannot be used here \(“dog”\)/);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ regionId: 'd1', field: 'classId' })]);
    expect((await stored(assignmentId)).version).toBe(1);
  });

  it('counts the problems past the first in the detail and lists at most 50', async () => {
    const assignmentId = await claimed();
    const many = Array.from({ length: 60 }, (_, i) => box({ id: `b${i}`, w: 0 }));
    const { body } = await problemOf(save(assignmentId, 1, many));
    expect(body.detail).toBe('These labels cannot be saved: Car box has no width (and 59 more problems)');
    expect(body.errors).toHaveLength(50);
  });
});

describe('submitting regions', () => {
  it('saves a draft without a required attribute, refuses to submit it, and submits once it is set', async () => {
    const assignmentId = await claimed();
    const draft = await save(assignmentId, 1, [box({ attributes: {} })]);
    expect(draft.version).toBe(2);
    const refused = await problemOf(submit(assignmentId, draft.version));
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toBe('This item cannot be submitted yet: Car needs “Color”');
    expect(refused.body.errors).toEqual([
      {
        path: 'regions.0.attributes.color',
        regionId: 'b1',
        index: 0,
        field: 'attributes.color',
        message: 'Car needs “Color”',
        blocking: 'submit',
      },
    ]);
    expect((await stored(assignmentId)).status).toBe('DRAFT');
    expect(await db().assignment.findUniqueOrThrow({ where: { id: assignmentId } })).toMatchObject({
      status: 'ACTIVE',
      submittedAt: null,
    });
    expect(await db().annotationRevision.count({ where: { annotation: { assignmentId } } })).toBe(0);

    const fixed = await save(assignmentId, draft.version, [box()]);
    expect(await submit(assignmentId, fixed.version)).toMatchObject({ movedTo: 'Review' });
  });

  it('saves and submits valid boxes, polygons and keypoints', async () => {
    const assignmentId = await claimed();
    const { version } = await save(assignmentId, 1, VALID);
    expect(await submit(assignmentId, version)).toMatchObject({ movedTo: 'Review' });
    expect(await stored(assignmentId)).toEqual({ version, regions: VALID, status: 'SUBMITTED' });
  });

  it('refuses keypoints that do not match the class skeleton', async () => {
    const assignmentId = await claimed();
    const short = { ...VALID[2]!, points: [{ x: 0.2, y: 0.1, v: 2 }] };
    const { body } = await problemOf(save(assignmentId, 1, [short]));
    expect(body.detail).toBe('These labels cannot be saved: Person keypoints have 1 points; the skeleton has 3');
  });
});

describe('model predictions', () => {
  it('start the first claim as suggestions that must be decided before a submit', async () => {
    const suggested = box({ id: 's1', suggestion: { model: 'detector v2', score: 0.91 } });
    const assignmentId = await claimed(async (assetId) => {
      const older = new Date(Date.now() - 60_000);
      await db().prediction.create({
        data: { assetId, model: 'detector v1', regions: [box({ id: 'old' })] as object[], createdAt: older },
      });
      await db().prediction.create({ data: { assetId, model: 'detector v2', regions: [suggested] as object[] } });
    });
    // The newest prediction, not an older one.
    expect((await stored(assignmentId)).regions).toEqual([suggested]);
    const { body } = await problemOf(submit(assignmentId, 1));
    expect(body.errors).toEqual([expect.objectContaining({ regionId: 's1', field: 'suggestion', blocking: 'submit' })]);
    const { suggestion: _decided, ...accepted } = suggested;
    const { version } = await save(assignmentId, 1, [accepted as TRegion]);
    expect(await submit(assignmentId, version)).toMatchObject({ movedTo: 'Review' });
  });
});

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

describe('a pass scoped to some classes', () => {
  it('takes only the classes of its scope, as the task shell lists them', async () => {
    const workflow = await getWorkflow(world.lead, { projectId: world.projectId });
    await saveWorkflow(world.lead, {
      projectId: world.projectId,
      passes: workflow.passes.map(({ id, kind, name, roles, slaHours }) => ({
        id,
        kind,
        name,
        roles,
        slaHours,
        ...(kind === 'LABEL' ? { scope: { classIds: ['cat'], geometries: [], attributeIds: [] } } : {}),
      })),
    });
    const assignmentId = await claimed();
    const refused = await problemOf(save(assignmentId, 1, [box()]));
    expect(refused.body.errors).toEqual([expect.objectContaining({ regionId: 'b1', field: 'classId' })]);
    const cat: TRegion = { id: 'c1', type: 'classification', classId: 'cat', attributes: {} };
    const { version } = await save(assignmentId, 1, [cat]);
    expect(await submit(assignmentId, version)).toMatchObject({ movedTo: 'Review' });
  });
});
