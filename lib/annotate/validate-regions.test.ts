import { describe, expect, it } from 'vitest';
import { GEOMETRY_SCHEMAS } from '../schemas/geometry';
import { ZTaxonomyDefinitionSchema } from '../schemas/taxonomy';
import type { TRegion } from '../schemas/workflow';
import { regionProblems } from './validate-regions';

const { classes } = ZTaxonomyDefinitionSchema.parse({
  classes: [
    {
      id: 'car',
      name: 'Car',
      color: '#e53935',
      geometries: ['bbox', 'polygon'],
      attributes: [
        { id: 'occluded', name: 'Occluded', type: 'boolean' },
        { id: 'make', name: 'Make', type: 'text' },
        { id: 'speed', name: 'Speed', type: 'number', min: 0, max: 300 },
      ],
    },
    {
      id: 'pedestrian',
      name: 'Pedestrian',
      color: '#3949ab',
      geometries: ['bbox', 'keypoints'],
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
    { id: 'hand', name: 'Hand', color: '#00897b', geometries: ['keypoints'] },
    { id: 'lane', name: 'Lane', color: '#f4511e', geometries: ['polyline'] },
    {
      id: 'traffic_light',
      name: 'Traffic light',
      color: '#fdd835',
      geometries: ['bbox'],
      attributes: [{ id: 'color', name: 'Color', type: 'enum', required: true, options: ['red', 'yellow', 'green'] }],
    },
    {
      id: 'weather',
      name: 'Weather',
      color: '#90a4ae',
      geometries: ['classification'],
      attributes: [{ id: 'condition', name: 'Condition', type: 'enum', required: true, options: ['clear', 'rain'] }],
    },
    { id: 'indoor', name: 'Indoor', color: '#90a4ae', geometries: ['classification'] },
    { id: 'speech', name: 'Speech', color: '#8e24aa', geometries: ['audio_segment'] },
    { id: 'moving', name: 'Moving object', color: '#1e88e5', geometries: ['video_track'] },
    { id: 'cut', name: 'Scene change', color: '#43a047', geometries: ['event'] },
  ],
});

type Extra = Record<string, unknown>;
const region = (id: string, type: TRegion['type'], classId: string, extra: Extra = {}): TRegion => ({
  id,
  type,
  classId,
  attributes: {},
  ...extra,
});
const box = (id: string, extra: Extra = {}) => region(id, 'bbox', 'car', { x: 0.1, y: 0.1, w: 0.2, h: 0.2, ...extra });
const polygon = (points: unknown, id = 'p1') => region(id, 'polygon', 'car', { points });
const kp = (x: number, y: number, v = 2) => ({ x, y, v });
const pose = (n: number) => Array.from({ length: n }, (_, i) => kp(0.5, 0.1 + i * 0.1));
const light = (color: unknown, id = 't1') =>
  region(id, 'bbox', 'traffic_light', { x: 0, y: 0, w: 0.1, h: 0.3, attributes: color === undefined ? {} : { color } });

const problemsOf = (...regions: TRegion[]) => regionProblems(regions, classes);
/** One region's problems as [field, blocking] pairs. */
const faults = (r: TRegion) => problemsOf(r).map((p) => [p.field, p.blocking]);

const VALID: TRegion[] = [
  box('b1', { attributes: { occluded: true, make: 'Fiat', speed: 50 } }),
  box('b2', { rotation: -30, x: 0.8, w: 0.2, y: 0.9, h: 0.1 }),
  polygon([
    [0.1, 0.1],
    [0.4, 0.1],
    [0.3, 0.5],
  ]),
  region('k1', 'keypoints', 'pedestrian', { points: [kp(0.5, 0.1), kp(0.5, 0.2, 1), kp(0.5, 0.5, 0)] }),
  region('k2', 'keypoints', 'hand', { points: pose(5) }),
  region('b3', 'bbox', 'pedestrian', { x: 0, y: 0, w: 1, h: 1 }),
  light('red'),
  region('c1', 'classification', 'weather', { attributes: { condition: 'rain' } }),
  region('c2', 'classification', 'indoor'),
  region('s1', 'audio_segment', 'speech', { start: 1.5, end: 2, text: 'hello' }),
  region('v1', 'video_track', 'moving', {
    keyframes: [
      { frame: 0, x: 0.1, y: 0.1, w: 0.1, h: 0.1 },
      { frame: 10, x: 0.2, y: 0.1, w: 0.1, h: 0.1, state: 'occluded' },
    ],
  }),
  region('e1', 'event', 'cut', { start: 10, end: 10 }),
];

describe('regionProblems: well-formed regions', () => {
  it('passes a valid region of every geometry, with attributes set or unset', () => {
    expect(regionProblems(VALID, classes)).toEqual([]);
    expect(problemsOf(box('b', { attributes: { occluded: null, make: null, speed: null } }))).toEqual([]);
  });

  it('accepts an empty list and a box ending exactly at the edge, with float slack', () => {
    expect(regionProblems([], classes)).toEqual([]);
    expect(problemsOf(box('b', { x: 0.7, w: 0.30000000000000004 }))).toEqual([]);
  });
});

describe('regionProblems: malformed geometry is a save problem', () => {
  it('names the region, its position, the field and the class', () => {
    const problems = regionProblems([box('ok'), box('bad', { x: 1.5 })], classes);
    expect(problems).toEqual([
      { regionId: 'bad', index: 1, field: 'x', message: expect.stringContaining('Car box') as string, blocking: 'save' },
    ]);
  });

  it.each([
    ['no geometry at all', {}, 'x'],
    ['a negative x', { x: -0.1 }, 'x'],
    ['a string', { y: '0.1' }, 'y'],
    ['NaN', { w: Number.NaN }, 'w'],
    ['a rotation out of range', { rotation: 400 }, 'rotation'],
    ['a null rotation', { rotation: null }, 'rotation'],
    ['zero width', { w: 0 }, 'w'],
    ['zero height', { h: 0 }, 'h'],
    ['x + w past 1', { x: 0.9, w: 0.2 }, 'w'],
    ['y + h past 1', { y: 0.95, h: 0.1 }, 'h'],
  ])('a box with %s', (_, geometry, field) => {
    const r = region('b', 'bbox', 'car', { x: 0.1, y: 0.1, w: 0.2, h: 0.2, ...geometry });
    if (Object.keys(geometry).length === 0) delete (r as Extra).x;
    expect(faults(r)).toEqual([[field, 'save']]);
  });

  it('says how a box is wrong in words', () => {
    expect(problemsOf(box('b', { w: 0 }))[0]?.message).toBe('Car box has no width');
    expect(problemsOf(box('b', { x: 0.9, w: 0.2 }))[0]?.message).toBe('Car box extends past the right edge of the image');
  });

  it.each([
    [
      'too few points',
      [
        [0.1, 0.1],
        [0.2, 0.2],
      ],
    ],
    [
      'a point out of the image',
      [
        [0.1, 0.1],
        [0.2, 1.2],
        [0.3, 0.1],
      ],
    ],
    [
      'a point with three numbers',
      [
        [0.1, 0.1, 0],
        [0.2, 0.2],
        [0.3, 0.1],
      ],
    ],
    ['a point that is not a pair', [[0.1, 0.1], null, [0.3, 0.1]]],
    ['no points list', undefined],
    [
      'collinear points',
      [
        [0.1, 0.1],
        [0.2, 0.2],
        [0.3, 0.3],
        [0.15, 0.15],
      ],
    ],
    [
      'one point repeated',
      [
        [0.5, 0.5],
        [0.5, 0.5],
        [0.5, 0.5],
      ],
    ],
  ])('a polygon with %s', (_, points) => {
    expect(faults(polygon(points))).toEqual([['points', 'save']]);
  });

  it('holds back a submit while a model suggestion is undecided, but saves it', () => {
    const problems = regionProblems([box('s1', { suggestion: { model: 'detector v2', score: 0.9 } })], classes);
    expect(problems).toEqual([
      expect.objectContaining({
        regionId: 's1',
        field: 'suggestion',
        blocking: 'submit',
        message: expect.stringContaining('not accepted'),
      }),
    ]);
  });

  it('explains a polygon without area', () => {
    const flat = polygon([
      [0, 0],
      [0.5, 0.5],
      [1, 1],
    ]);
    expect(problemsOf(flat)[0]?.message).toBe('Car polygon has no area: its points lie on one line');
  });

  it('checks keypoints: their shape, and their count against the class skeleton', () => {
    expect(faults(region('k', 'keypoints', 'hand', { points: [] }))).toEqual([['points', 'save']]);
    expect(faults(region('k', 'keypoints', 'hand', { points: [kp(0.1, 0.1, 3)] }))).toEqual([['points', 'save']]);
    expect(faults(region('k', 'keypoints', 'hand', { points: [{ x: 0.1 }] }))).toEqual([['points', 'save']]);
    const short = problemsOf(region('k', 'keypoints', 'pedestrian', { points: pose(2) }));
    expect(short).toEqual([expect.objectContaining({ field: 'points', blocking: 'save' })]);
    expect(short[0]?.message).toBe('Pedestrian keypoints have 2 points; the skeleton has 3');
    // Without a skeleton any count goes.
    expect(faults(region('k', 'keypoints', 'hand', { points: pose(7) }))).toEqual([]);
  });

  it('checks the other geometries with their schemas', () => {
    expect(faults(region('s', 'audio_segment', 'speech', { start: 3, end: 2 }))).toEqual([['end', 'save']]);
    expect(faults(region('s', 'audio_segment', 'speech', { start: 3 }))).toEqual([['end', 'save']]);
    expect(faults(region('e', 'event', 'cut', { start: -1, end: 2 }))).toEqual([['start', 'save']]);
    const backwards = region('v', 'video_track', 'moving', {
      keyframes: [
        { frame: 5, x: 0.1, y: 0.1, w: 0.1, h: 0.1 },
        { frame: 2, x: 0.1, y: 0.1, w: 0.1, h: 0.1 },
      ],
    });
    expect(faults(backwards)).toEqual([['keyframes', 'save']]);
    expect(problemsOf(backwards)[0]?.message).toMatch(/^Moving object track is malformed at “keyframes”/);
  });

  it('refuses a polyline whose points all coincide, and only the class that allows lines', () => {
    const dot = region('l', 'polyline', 'lane', {
      points: [
        [0.3, 0.3],
        [0.3, 0.3],
      ],
    });
    expect(problemsOf(dot)).toEqual([expect.objectContaining({ field: 'points', blocking: 'save' })]);
    expect(problemsOf(dot)[0]?.message).toBe('Lane polyline has no length: its points coincide');
    const onCar = region('l', 'polyline', 'car', {
      points: [
        [0.1, 0.1],
        [0.3, 0.3],
      ],
    });
    expect(problemsOf(onCar)[0]?.message).toBe('Car does not allow polylines');
  });

  it('reaches the same verdict as GEOMETRY_SCHEMAS for the shapes it checks by hand', () => {
    const candidates: [keyof typeof GEOMETRY_SCHEMAS, Extra][] = [
      ['bbox', { x: 0, y: 0, w: 1, h: 1 }],
      ['bbox', { x: 0.2, y: 0.1, w: 0.5, h: 0.5, rotation: 360 }],
      ['bbox', { x: 0.2, y: 0.1, w: 0.5, h: 0.5, rotation: -360.5 }],
      ['bbox', { x: 0.2, y: 0.1, w: 0.5 }],
      ['bbox', { x: Infinity, y: 0.1, w: 0.5, h: 0.1 }],
      ['bbox', { x: '0', y: 0.1, w: 0.5, h: 0.1 }],
      [
        'polygon',
        {
          points: [
            [0, 0],
            [1, 0],
            [1, 1],
          ],
        },
      ],
      [
        'polygon',
        {
          points: [
            [0, 0],
            [1, 0],
            [1, 1.01],
          ],
        },
      ],
      ['polygon', { points: [[0, 0], [1, 0], [1]] }],
      ['polygon', { points: 'not a list' }],
      ['polygon', { points: Array.from({ length: 10_001 }, (_, i) => [i % 2, (i % 3) / 2]) }],
      [
        'polyline',
        {
          points: [
            [0, 0],
            [1, 1],
          ],
        },
      ],
      ['polyline', { points: [[0.5, 0.5]] }],
      ['polyline', { points: [[0.5, 0.5], [0.6]] }],
      [
        'polyline',
        {
          points: [
            [0.5, 0.5],
            [0.6, 1.2],
          ],
        },
      ],
      ['polyline', { points: Array.from({ length: 10_001 }, (_, i) => [(i % 7) / 7, (i % 3) / 3]) }],
      ['keypoints', { points: [kp(0, 1), kp(1, 0, 0)] }],
      ['keypoints', { points: [{ x: 0.1, y: 0.1 }] }],
      ['keypoints', { points: [{ x: 0.1, y: -0.1, v: 2 }] }],
      ['keypoints', { points: [null] }],
      ['keypoints', { points: pose(201).map((p) => ({ ...p, y: 0.5 })) }],
    ];
    const classOf = { bbox: 'car', polygon: 'car', polyline: 'lane', keypoints: 'hand' } as Record<string, string>;
    for (const [type, geometry] of candidates) {
      const byHand = problemsOf(region('r', type, classOf[type]!, geometry)).length === 0;
      expect([type, geometry, byHand]).toEqual([type, geometry, GEOMETRY_SCHEMAS[type].safeParse(geometry).success]);
    }
  });
});

describe('regionProblems: class and attributes', () => {
  it('refuses a class outside the list and a geometry the class does not allow', () => {
    expect(problemsOf(region('r', 'classification', 'dragon'))).toEqual([
      {
        regionId: 'r',
        index: 0,
        field: 'classId',
        message: 'Region 1 has a class that cannot be used here (“dragon”)',
        blocking: 'save',
      },
    ]);
    const asClassification = problemsOf(region('r', 'classification', 'car'));
    expect(asClassification).toEqual([expect.objectContaining({ field: 'type', blocking: 'save' })]);
    expect(asClassification[0]?.message).toBe('Car does not allow image-level classification');
    expect(problemsOf(region('k', 'keypoints', 'car', { points: pose(1) }))[0]?.message).toBe('Car does not allow keypoints');
  });

  it('refuses an attribute the class does not define, naming both', () => {
    expect(problemsOf(box('b', { attributes: { colour: 'red' } }))).toEqual([
      { regionId: 'b', index: 0, field: 'attributes.colour', message: 'Car has no attribute “colour”', blocking: 'save' },
    ]);
  });

  it.each([
    ['an enum value not among the options', light('blue'), 'Traffic light “Color” must be one of red, yellow, green'],
    ['an enum value that is not text', light(1), 'Traffic light “Color” must be one of red, yellow, green'],
    ['a boolean given as text', box('b', { attributes: { occluded: 'yes' } }), 'Car “Occluded” must be yes or no'],
    ['a number given as text', box('b', { attributes: { speed: '50' } }), 'Car “Speed” must be a number'],
    [
      'a number that is not finite',
      box('b', { attributes: { speed: Number.POSITIVE_INFINITY } }),
      'Car “Speed” must be a number',
    ],
    ['NaN', box('b', { attributes: { speed: Number.NaN } }), 'Car “Speed” must be a number'],
    ['a number under the minimum', box('b', { attributes: { speed: -1 } }), 'Car “Speed” must be at least 0'],
    ['a number over the maximum', box('b', { attributes: { speed: 301 } }), 'Car “Speed” must be at most 300'],
    ['text given as a number', box('b', { attributes: { make: 7 } }), 'Car “Make” must be text'],
    [
      'text over 2,000 characters',
      box('b', { attributes: { make: 'x'.repeat(2001) } }),
      'Car “Make” is longer than 2,000 characters',
    ],
  ])('refuses %s', (_, r, message) => {
    expect(problemsOf(r).filter((p) => p.blocking === 'save')).toEqual([
      expect.objectContaining({ field: expect.stringMatching(/^attributes\./) as string, message, blocking: 'save' }),
    ]);
  });

  it('takes text of exactly 2,000 characters and numbers at the bounds', () => {
    expect(problemsOf(box('b', { attributes: { make: 'x'.repeat(2000), speed: 300 } }))).toEqual([]);
    expect(problemsOf(box('b', { attributes: { speed: 0 } }))).toEqual([]);
  });

  it('lets a required attribute be missing, null or empty in a draft, and blocks the submit', () => {
    // Blank text is what a cleared control leaves: unset, like null, not a wrong value.
    for (const color of [undefined, null, '', '  ']) {
      expect(problemsOf(light(color))).toEqual([
        { regionId: 't1', index: 0, field: 'attributes.color', message: 'Traffic light needs “Color”', blocking: 'submit' },
      ]);
    }
    expect(problemsOf(region('w', 'classification', 'weather'))).toEqual([
      expect.objectContaining({ message: 'Weather needs “Condition”', blocking: 'submit' }),
    ]);
  });

  it('reports a region missing its attributes object as unset attributes', () => {
    const bare = { id: 't', type: 'bbox', classId: 'traffic_light', x: 0, y: 0, w: 0.1, h: 0.1 } as unknown as TRegion;
    expect(problemsOf(bare).map((p) => p.blocking)).toEqual(['submit']);
  });
});

describe('regionProblems: the list as a whole', () => {
  it('flags the second region with an id already used', () => {
    expect(regionProblems([box('a'), box('b'), box('a', { x: 0.5 })], classes)).toEqual([
      { regionId: 'a', index: 2, field: 'id', message: 'Two regions share the id “a”', blocking: 'save' },
    ]);
  });

  it('allows one classification per class', () => {
    const rain = (id: string) => region(id, 'classification', 'weather', { attributes: { condition: 'rain' } });
    expect(regionProblems([rain('w1'), region('i', 'classification', 'indoor'), rain('w2')], classes)).toEqual([
      { regionId: 'w2', index: 2, field: null, message: 'Weather is labeled twice for this item; keep one', blocking: 'save' },
    ]);
  });

  it('lists every problem of every region in order, save and submit together', () => {
    const problems = regionProblems(
      [light(undefined, 'l1'), box('ok'), box('b', { w: 0, attributes: { occluded: 2 } })],
      classes,
    );
    expect(problems.map((p) => [p.index, p.field, p.blocking])).toEqual([
      [0, 'attributes.color', 'submit'],
      [2, 'w', 'save'],
      [2, 'attributes.occluded', 'save'],
    ]);
  });

  it('checks 20,000 regions quickly', () => {
    const many: TRegion[] = [];
    for (let i = 0; i < 20_000; i++) {
      const x = (i % 100) / 200;
      const y = Math.floor(i / 100) / 400;
      if (i % 4 === 3) {
        many.push(
          polygon(
            [
              [x, y],
              [x + 0.01, y],
              [x + 0.01, y + 0.002],
              [x + 0.005, y + 0.003],
              [x, y + 0.002],
              [x, y + 0.001],
              [x + 0.002, y + 0.0005],
              [x + 0.001, y + 0.0002],
            ],
            `p${i}`,
          ),
        );
      } else {
        many.push(box(`b${i}`, { x, y, w: 0.01, h: 0.002, attributes: { occluded: i % 2 === 0, speed: i % 300 } }));
      }
    }
    regionProblems(many.slice(0, 1000), classes);
    const started = performance.now();
    const problems = regionProblems(many, classes);
    const elapsed = performance.now() - started;
    expect(problems).toEqual([]);
    expect(elapsed).toBeLessThan(200);
  });
});
