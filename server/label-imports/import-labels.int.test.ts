import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZip } from '@/tests/snapshots/read-zip';
import { snapshotFixture } from '@/tests/snapshots/snapshot-fixture';
import { db } from '../db';
import { closeQueues } from '../jobs/enqueue';
import { buildExport } from '../snapshots/build-export';
import { createSnapshot } from '../snapshots/create-snapshot';
import { requestExport } from '../snapshots/request-export';
import { one, sql } from '../sql';
import { importLabels } from './import-labels';

// Labels from files become suggestions on the project's assets: found by hash or name, checked
// against the taxonomy and the editor's rules, every refusal reported; a dry run writes nothing.

afterAll(closeQueues);

let fx: Awaited<ReturnType<typeof snapshotFixture>>;
beforeAll(async () => {
  fx = await snapshotFixture({ items: 4, accepted: 4 });
});

const predictions = () => db().prediction.count({ where: { asset: { projectId: fx.project.id } } });

function cocoFile(annotations: object[], fileName = 'stub-0.png') {
  return JSON.stringify({
    images: [{ id: 1, file_name: `some/where/${fileName}`, width: 640, height: 480 }],
    annotations,
    categories: [
      { id: 1, name: 'car' },
      { id: 2, name: 'Pedestrian' },
      { id: 3, name: 'dragon' },
    ],
  });
}

describe('importing labels', () => {
  it('a dry run reports what would come in and every refusal, and writes nothing; the real run writes suggestions', async () => {
    const content = cocoFile([
      { id: 1, image_id: 1, category_id: 1, bbox: [64, 48, 128, 96], score: 0.8 },
      { id: 2, image_id: 1, category_id: 2, bbox: [0, 0, 64, 48] },
      { id: 3, image_id: 1, category_id: 3, bbox: [0, 0, 10, 10] },
      { id: 4, image_id: 1, category_id: 1, bbox: [600, 400, 100, 100] },
    ]);
    const before = await predictions();
    const dry = await importLabels(fx.owner, { projectId: fx.project.id, format: 'coco', content });
    expect(dry).toMatchObject({ dryRun: true, rows: 1, items: 1, regions: 2, created: 0, rejectedCount: 2 });
    expect(dry.rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/lies outside the 640 × 480 image/),
      'the taxonomy has no class “dragon”',
    ]);
    expect(await predictions()).toBe(before);

    const real = await importLabels(fx.owner, {
      projectId: fx.project.id,
      format: 'coco',
      content,
      model: 'detector v2',
      dryRun: false,
    });
    expect(real).toMatchObject({ created: 1, regions: 2 });
    const stored = await one<{ model: string; regions: { classId: string; x: number; suggestion: unknown }[] }>(
      sql`SELECT p.model, p.regions FROM "Prediction" p JOIN "Asset" a ON a.id = p."assetId" WHERE a.filename = 'stub-0.png' AND a."projectId" = ${fx.project.id}`,
    );
    expect(stored!.model).toBe('detector v2');
    expect(stored!.regions.map((r) => r.classId)).toEqual(['car', 'pedestrian']);
    expect(stored!.regions[0]).toMatchObject({ x: 0.1, suggestion: { model: 'detector v2', score: 0.8 } });
  });

  it('our own JSONL export comes back in, matched by content hash (but for a rotated box)', async () => {
    await createSnapshot(fx.owner, { projectId: fx.project.id, name: 'round trip' });
    const requested = await requestExport(fx.owner, {
      projectId: fx.project.id,
      version: 1,
      format: 'jsonl',
      includeMedia: false,
    });
    const built = (await buildExport(requested.id))!;
    const content = (await readZip(built.sha256))['annotations.jsonl']!;
    const report = await importLabels(fx.owner, { projectId: fx.project.id, format: 'jsonl', content });
    // Every region comes back but item 1's rotated box, which the editor could not show as it is.
    expect(report).toMatchObject({ rows: 4, items: 4, rejectedCount: 1 });
    expect(report.rejected[0]).toEqual({
      row: expect.stringMatching(/^line \d, region 2$/),
      reason: expect.stringMatching(/^rotated boxes are not imported yet/),
    });
  });

  it('names are only matched, never followed; an unknown or ambiguous name is refused', async () => {
    const ls = JSON.stringify([
      {
        id: 1,
        data: { image: '../../../../stub-1.png' },
        annotations: [{ result: [{ type: 'choices', value: { choices: ['Weather'] } }] }],
      },
      {
        id: 2,
        data: { image: '/data/upload/1/0a1b2c3d-stub-2.png' },
        annotations: [{ result: [{ type: 'choices', value: { choices: ['car'] } }] }],
      },
      { id: 3, data: { image: 'nowhere.png' }, annotations: [{ result: [{ type: 'choices', value: { choices: ['car'] } }] }] },
    ]);
    const rotated = JSON.stringify([
      {
        id: 4,
        data: { image: 'stub-1.png' },
        annotations: [
          {
            result: [
              {
                type: 'rectanglelabels',
                original_width: 640,
                original_height: 480,
                value: { x: 10, y: 10, width: 20, height: 20, rotation: 30, rectanglelabels: ['car'] },
              },
            ],
          },
        ],
      },
    ]);
    expect(
      (await importLabels(fx.owner, { projectId: fx.project.id, format: 'labelstudio', content: rotated })).rejected,
    ).toEqual([
      {
        row: 'task 4 annotation 1, result 1',
        reason: 'rotated boxes are not imported yet: the image editor draws boxes axis-aligned',
      },
    ]);
    const report = await importLabels(fx.owner, { projectId: fx.project.id, format: 'labelstudio', content: ls });
    // The traversal is just a name (stub-1.png), and Label Studio's upload prefix is seen through. Weather's
    // required condition is unset: that blocks a submit, not a suggestion.
    expect(report).toMatchObject({ rows: 3, items: 2, rejectedCount: 1 });
    expect(report.rejected).toEqual([{ row: 'task 3 annotation 1', reason: 'no asset of this project is named “nowhere.png”' }]);
    const dup = await db().asset.findFirstOrThrow({ where: { projectId: fx.project.id, filename: 'stub-3.png' } });
    await db().asset.update({ where: { id: dup.id }, data: { filename: 'stub-2.png' } });
    const ambiguous = await importLabels(fx.owner, { projectId: fx.project.id, format: 'labelstudio', content: ls });
    expect(ambiguous.rejected.map((r) => r.reason)).toContain('2 assets are named “stub-2.png”');
  });

  it('refuses a file that is not what it says (422) and someone who may not import (403)', async () => {
    await expect(
      importLabels(fx.owner, { projectId: fx.project.id, format: 'coco', content: '{"images": 1' }),
    ).rejects.toMatchObject({
      code: 'UNPROCESSABLE',
      message: expect.stringMatching(/not valid JSON/),
    });
    await expect(
      importLabels(fx.annotator, { projectId: fx.project.id, format: 'coco', content: cocoFile([]) }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
