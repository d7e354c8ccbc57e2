import { describe, expect, it } from 'vitest';
import { baseNameOf } from './parsed-row';
import { parseCoco } from './parse-coco';
import { parseJsonl } from './parse-jsonl';
import { parseLabelStudio } from './parse-label-studio';

const SHA = 'a'.repeat(64);

describe('parseJsonl', () => {
  it('reads our own lines and refuses malformed ones with their line number', () => {
    const text = [
      JSON.stringify({
        asset: { sha256: SHA },
        regions: [{ id: 'r1', type: 'bbox', classId: 'car', attributes: {}, x: 0.1, y: 0.1, w: 0.2, h: 0.2 }],
      }),
      '{"asset": {"sha256": "nope"}, "regions": []}',
      '{not json',
      '',
      JSON.stringify({ asset: { sha256: SHA }, regions: [{ type: 'dragon' }] }),
    ].join('\n');
    const { rows, rejected } = parseJsonl(text);
    expect(rows).toEqual([
      {
        row: 'line 1',
        match: { sha256: SHA },
        regions: [
          {
            where: 'region 1',
            type: 'bbox',
            classRef: 'car',
            attributes: {},
            geometry: { x: 0.1, y: 0.1, w: 0.2, h: 0.2 },
            score: null,
          },
        ],
        source: { kind: 'annotation', model: null },
      },
    ]);
    expect(rejected.map((r) => r.row)).toEqual(['line 2', 'line 3', 'line 5']);
    expect(rejected[1]!.reason).toMatch(/line 3 is not valid JSON/);
  });
});

describe('parseCoco', () => {
  const coco = (annotations: object[], images: object[] = [{ id: 1, file_name: 'dir/street.jpg', width: 200, height: 100 }]) =>
    JSON.stringify({ images, annotations, categories: [{ id: 7, name: 'Car' }] });

  it('normalizes boxes, polygons and keypoints by the image size, keeping scores and attributes', () => {
    const { rows, rejected } = parseCoco(
      coco([
        {
          id: 1,
          image_id: 1,
          category_id: 7,
          bbox: [20, 10, 100, 50],
          score: 0.9,
          attributes: { occluded: true, note: { nested: 1 } },
        },
        { id: 2, image_id: 1, category_id: 7, segmentation: [[0, 0, 200, 0, 200, 100]], bbox: [0, 0, 200, 100] },
        { id: 3, image_id: 1, category_id: 7, keypoints: [100, 50, 2, 0, 0, 0], num_keypoints: 1 },
      ]),
    );
    expect(rejected).toEqual([]);
    expect(rows[0]!.match).toEqual({ filename: 'street.jpg' });
    expect(rows[0]!.regions.map((r) => r.where)).toEqual(['annotation 1', 'annotation 2', 'annotation 3']);
    expect(rows[0]!.regions.map(({ where: _where, ...rest }) => rest)).toEqual([
      { type: 'bbox', classRef: 'Car', geometry: { x: 0.1, y: 0.1, w: 0.5, h: 0.5 }, attributes: { occluded: true }, score: 0.9 },
      {
        type: 'polygon',
        classRef: 'Car',
        geometry: {
          points: [
            [0, 0],
            [1, 0],
            [1, 1],
          ],
        },
        attributes: {},
        score: null,
      },
      {
        type: 'keypoints',
        classRef: 'Car',
        geometry: {
          points: [
            { x: 0.5, y: 0.5, v: 2 },
            { x: 0, y: 0, v: 0 },
          ],
        },
        attributes: {},
        score: null,
      },
    ]);
  });

  it('refuses a box outside the image, an unknown category or image, RLE masks, and a file that is not COCO', () => {
    const { rows, rejected } = parseCoco(
      coco([
        { id: 1, image_id: 1, category_id: 7, bbox: [150, 10, 100, 50] },
        { id: 2, image_id: 1, category_id: 99, bbox: [0, 0, 10, 10] },
        { id: 3, image_id: 1, category_id: 7, segmentation: { counts: 'xyz', size: [100, 200] } },
        { id: 4, image_id: 5, category_id: 7, bbox: [0, 0, 10, 10] },
      ]),
    );
    expect(rows).toEqual([]);
    expect(rejected.map((r) => r.reason)).toEqual([
      expect.stringMatching(/refer to image 5, which the file does not list/),
      expect.stringMatching(/lies outside the 200 × 100 image/),
      "its category 99 is not in the file's categories",
      expect.stringMatching(/RLE masks are not imported/),
    ]);
    expect(parseCoco('{"images": 3}').rejected[0]).toEqual({
      row: 'file',
      reason: expect.stringMatching(/needs "images", "annotations"/),
    });
    expect(parseCoco('[').rejected[0]!.reason).toMatch(/not valid JSON/);
  });
});

describe('parseLabelStudio', () => {
  const task = (result: object[], extra: object = {}) => ({
    id: 3,
    data: { image: '/data/upload/1/0a1b2c3d-street.jpg?x=1' },
    ...extra,
    annotations: [{ result }],
  });

  it('reads rectangles, polygons and choices in percent; predictions keep their model and scores', () => {
    const text = JSON.stringify([
      {
        ...task([
          { type: 'rectanglelabels', value: { x: 10, y: 20, width: 30, height: 40, rectanglelabels: ['Car'] } },
          {
            type: 'polygonlabels',
            value: {
              points: [
                [0, 0],
                [50, 0],
                [50, 50],
              ],
              polygonlabels: ['Car'],
            },
          },
          { type: 'choices', value: { choices: ['Rain'] } },
        ]),
        predictions: [
          {
            model_version: 'yolo-v8',
            score: 0.7,
            result: [{ type: 'rectanglelabels', value: { x: 0, y: 0, width: 10, height: 10, rectanglelabels: ['Car'] } }],
          },
        ],
      },
    ]);
    const { rows, rejected } = parseLabelStudio(text);
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.match).toEqual({ filename: '0a1b2c3d-street.jpg' });
    expect(rows[0]!.regions.map((r) => [r.type, r.geometry])).toEqual([
      ['bbox', { x: 0.1, y: 0.2, w: 0.3, h: 0.4 }],
      [
        'polygon',
        {
          points: [
            [0, 0],
            [0.5, 0],
            [0.5, 0.5],
          ],
        },
      ],
      ['classification', {}],
    ]);
    expect(rows[1]).toMatchObject({ row: 'task 3 prediction 1', source: { kind: 'prediction', model: 'yolo-v8' } });
    expect(rows[1]!.regions[0]!.score).toBe(0.7);
  });

  it('turns a rectangle rotated about its corner into one rotated about its centre', () => {
    const { rows } = parseLabelStudio(
      JSON.stringify([
        task([
          {
            type: 'rectanglelabels',
            original_width: 200,
            original_height: 100,
            value: { x: 50, y: 10, width: 20, height: 20, rotation: 90, rectanglelabels: ['Car'] },
          },
        ]),
      ]),
    );
    // 40 × 20 px from (100, 10), turned a quarter about (100, 10): its centre is at (90, 30).
    const g = rows[0]!.regions[0]!.geometry as { x: number; y: number; w: number; h: number; rotation: number };
    expect(g.x * 200 + (g.w * 200) / 2).toBeCloseTo(90, 6);
    expect(g.y * 100 + (g.h * 100) / 2).toBeCloseTo(30, 6);
    expect(g.rotation).toBe(90);
  });

  it('refuses results it cannot read one by one, and tasks without a file', () => {
    const { rows, rejected } = parseLabelStudio(
      JSON.stringify([
        task([
          { type: 'keypointlabels', value: { x: 1, y: 1, keypointlabels: ['Head'] } },
          { type: 'rectanglelabels', value: { x: 90, y: 0, width: 20, height: 10, rectanglelabels: ['Car'] } },
          { type: 'rectanglelabels', value: { x: 0, y: 0, width: 5, height: 5, rectanglelabels: [] } },
        ]),
        { id: 9, data: {}, annotations: [] },
      ]),
    );
    expect(rows).toEqual([]);
    expect(rejected.map((r) => [r.row, r.reason])).toEqual([
      ['task 3 annotation 1, result 1', expect.stringMatching(/keypointlabels is not imported/)],
      ['task 3 annotation 1, result 2', 'the rectangle reaches outside the image'],
      ['task 3 annotation 1, result 3', 'rectanglelabels has no label'],
      ['task 9', 'task 9 names no file in its data'],
    ]);
  });
});

describe('baseNameOf', () => {
  it('keeps only the last segment: a path cannot point anywhere else', () => {
    expect(baseNameOf('../../etc/passwd')).toBe('passwd');
    expect(baseNameOf('s3://bucket/a%20b.jpg?sig=1#x')).toBe('a b.jpg');
    expect(baseNameOf('C:\\images\\x.png')).toBe('x.png');
  });
});
