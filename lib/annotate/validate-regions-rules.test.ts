import { describe, expect, it } from 'vitest';
import type { TRegion } from '../schemas/workflow';
import { regionProblems } from './validate-regions';
import { classes, region, box, polygon, pose, light, problemsOf } from './validate-regions-fixtures';
import { bestOf } from '@/tests/best-of';

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
    expect(regionProblems(many, classes)).toEqual([]);
    expect(bestOf(5, () => regionProblems(many, classes))).toBeLessThan(200);
  });
});
