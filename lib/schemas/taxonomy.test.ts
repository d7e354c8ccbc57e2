import { describe, expect, it } from 'vitest';
import { DEMO_TAXONOMY } from '@/prisma/factories/demo-taxonomy';
import { ZTaxonomyClassSchema, ZTaxonomyDefinitionSchema } from './taxonomy';

const person = (skeleton: unknown, geometries = ['keypoints']) => ({
  id: 'person',
  name: 'Person',
  color: '#3949ab',
  geometries,
  skeleton,
});
const points = (...names: string[]) => names.map((name) => ({ id: name.toLowerCase(), name }));
const issuesOf = (input: unknown) =>
  (ZTaxonomyClassSchema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('class skeletons', () => {
  it('takes keypoints with edges between them, edges defaulting to none', () => {
    expect(issuesOf(person({ keypoints: points('Head', 'Neck'), edges: [[0, 1]] }))).toEqual([]);
    expect(ZTaxonomyClassSchema.parse(person({ keypoints: points('Head') })).skeleton).toEqual({
      keypoints: [{ id: 'head', name: 'Head' }],
      edges: [],
    });
    const { skeleton: _, ...plain } = person(undefined);
    expect(ZTaxonomyClassSchema.parse(plain)).not.toHaveProperty('skeleton');
  });

  it('refuses edges past the keypoints, self edges and repeated keypoint ids', () => {
    expect(issuesOf(person({ keypoints: points('Head', 'Neck'), edges: [[0, 2]] }))).toEqual([
      ['skeleton.edges.0', 'edge 1 joins a keypoint that does not exist'],
    ]);
    expect(
      issuesOf(
        person({
          keypoints: points('Head', 'Neck'),
          edges: [
            [0, 1],
            [1, 1],
          ],
        }),
      ),
    ).toEqual([['skeleton.edges.1', 'edge 2 joins “Neck” to itself']]);
    expect(issuesOf(person({ keypoints: points('Head', 'head') }))).toEqual([
      ['skeleton.keypoints.1', 'two keypoints share the id “head”'],
    ]);
    expect(issuesOf(person({ keypoints: points('Head'), edges: [[0, -1]] }))[0]?.[0]).toBe('skeleton.edges.0.1');
    expect(issuesOf(person({ keypoints: [] }))).toEqual([['skeleton.keypoints', 'a skeleton needs at least one keypoint']]);
  });

  it('belongs only to a class drawn with keypoints', () => {
    expect(issuesOf(person({ keypoints: points('Head') }, ['bbox']))).toEqual([
      ['skeleton', '"Person" has a skeleton but does not allow keypoints'],
    ]);
  });
});

describe('the demo taxonomy', () => {
  it('gives the pedestrian a stick figure: 9 keypoints, every one joined to the figure', () => {
    const pedestrian = ZTaxonomyDefinitionSchema.parse(DEMO_TAXONOMY).classes.find((c) => c.id === 'pedestrian');
    const skeleton = pedestrian?.skeleton;
    expect(skeleton?.keypoints.map((k) => k.id)).toEqual([
      'head',
      'neck',
      'left_shoulder',
      'right_shoulder',
      'left_hand',
      'right_hand',
      'hip',
      'left_foot',
      'right_foot',
    ]);
    // A tree over the 9 points: 8 edges that reach every keypoint from the head.
    expect(skeleton?.edges).toHaveLength(8);
    const reached = new Set([0]);
    for (let round = 0; round < 9; round++) {
      for (const [a, b] of skeleton?.edges ?? []) if (reached.has(a) || reached.has(b)) reached.add(a).add(b);
    }
    expect(reached.size).toBe(9);
  });
});

describe('class tree', () => {
  const tree = (...pairs: [string, string | null][]) => ({
    classes: pairs.map(([id, parentId], i) => ({
      id,
      name: id,
      color: '#000000',
      hotkey: null,
      geometries: ['bbox'],
      parentId,
      attributes: [],
      description: `${i}`,
    })),
  });
  const problems = (input: unknown) => (ZTaxonomyDefinitionSchema.safeParse(input).error?.issues ?? []).map((i) => i.message);

  it('takes classes under other classes', () => {
    expect(problems(tree(['animal', null], ['cat', 'animal'], ['kitten', 'cat']))).toEqual([]);
  });

  it('refuses a parent that is not a class and a loop of parents', () => {
    expect(problems(tree(['cat', 'animal']))).toEqual(['"cat" sits under a class that does not exist (animal)']);
    expect(problems(tree(['a', 'b'], ['b', 'a'], ['c', 'a']))).toEqual([
      '"a" would sit under itself',
      '"b" would sit under itself',
    ]);
  });
});
