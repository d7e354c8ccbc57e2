import { describe, expect, it } from 'vitest';
import { GEOMETRY_SCHEMAS } from '../schemas/geometry';
import type { TRegion } from '../schemas/workflow';
import { regionProblems } from './validate-regions';
import { classes, region, box, polygon, kp, pose, light, problemsOf, faults, type Extra } from './validate-regions-fixtures';

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
