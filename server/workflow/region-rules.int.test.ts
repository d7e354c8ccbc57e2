import { describe, expect, it } from 'vitest';
import type { TRegion } from '@/lib/schemas/workflow';
import { box, claimed, problemOf, save, stored, submit, useRegionRulesWorld, VALID, world } from '@/tests/api/region-rules-world';
import { db } from '../db';
import { getWorkflow } from './get-workflow';
import { saveWorkflow } from './save-workflow';

// The server holds saves and submits to lib/annotate/validate-regions.ts, against the classes of the
// annotation's taxonomy version that the pass may use: malformed regions are never stored, and an item
// is only handed in complete. Audio segments and video tracks: media-region-rules.int.test.ts.

useRegionRulesWorld();

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

  it('refuses the first label of a deprecated class on an item, and keeps, edits and cuts the ones it had', async () => {
    const assignmentId = await claimed();
    const van = box({ id: 'v1', classId: 'van', attributes: {} });
    const refused = await problemOf(save(assignmentId, 1, [box(), van]));
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toBe(
      'These labels cannot be saved: “Van” is deprecated and takes no new labels; pick another class',
    );
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ regionId: 'v1', path: 'regions.1.classId', field: 'classId' }),
    ]);
    expect((await stored(assignmentId)).regions).toEqual([]);
    // Labeled before the class was deprecated: the item keeps its van, moved, and cut in two.
    await db().annotation.update({ where: { assignmentId }, data: { regions: [van] } });
    const { version } = await save(assignmentId, 1, [
      box({ ...van, x: 0.2 }),
      box({ id: 'v2', classId: 'van', attributes: {}, x: 0.6 }),
    ]);
    expect(version).toBe(2);
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
