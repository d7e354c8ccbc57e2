import { describe, expect, it } from 'vitest';
import { testClass as cls } from './test-regions';
import type { TTaxonomyDefinition } from '../schemas/taxonomy';
import type { TTaxonomyOperation } from './operations';
import { validateOperations } from './validate-operations';

const mood = { id: 'mood', name: 'Mood', type: 'enum' as const, required: false, options: ['calm', 'wild'] };

const v1: TTaxonomyDefinition = { classes: [cls('cat', { attributes: [mood] }), cls('dog'), cls('lynx'), cls('animal')] };
const messages = (ops: TTaxonomyOperation[], to: TTaxonomyDefinition) =>
  validateOperations(ops, v1, to).map((p) => [p.operation, p.message]);

describe('validateOperations', () => {
  it('accepts a consistent set: rename, merge, split, deprecate, move, attribute changes', () => {
    const v2: TTaxonomyDefinition = {
      classes: [
        cls('cat', {
          name: 'Feline',
          parentId: 'animal',
          attributes: [
            { ...mood, id: 'temper', name: 'Temper', options: ['calm', 'relaxed', 'wild'] },
            { id: 'indoor', name: 'Indoor', type: 'boolean', required: true },
          ],
        }),
        cls('puppy'),
        cls('adult_dog'),
        cls('animal', { deprecated: true }),
      ],
    };
    expect(
      messages(
        [
          { op: 'rename_class', classId: 'cat', name: 'Feline' },
          { op: 'merge_classes', from: ['lynx', 'cat'], into: 'cat' },
          { op: 'split_class', classId: 'dog', into: ['puppy', 'adult_dog'] },
          { op: 'deprecate_class', classId: 'animal' },
          { op: 'move_class', classId: 'cat', parentId: 'animal' },
          { op: 'add_attribute', classId: 'cat', attributeId: 'indoor', default: false },
          { op: 'rename_attribute', classId: 'cat', attributeId: 'mood', newId: 'temper', name: 'Temper' },
        ],
        v2,
      ),
    ).toEqual([]);
  });

  it('refuses a merge into a class the new version lacks, and sources it still has', () => {
    expect(messages([{ op: 'merge_classes', from: ['cat', 'dog'], into: 'pet' }], v1)).toEqual([
      [0, 'merges into pet, which the new version does not have'],
      [0, 'merges cat away but the new version still has it'],
      [0, 'merges dog away but the new version still has it'],
    ]);
  });

  it('refuses operations on unknown classes and splits into missing classes', () => {
    expect(messages([{ op: 'rename_class', classId: 'bird', name: 'Bird' }], v1)).toEqual([
      [0, 'renames bird, which is not a class'],
      [0, 'the new version has no class named “Bird” with id bird'],
    ]);
    const noDog = { classes: v1.classes.filter((c) => c.id !== 'dog').concat(cls('puppy')) };
    expect(messages([{ op: 'split_class', classId: 'dog', into: ['puppy', 'adult_dog'] }], noDog)).toEqual([
      [0, 'splits into adult_dog, which the new version does not have'],
    ]);
  });

  it('refuses a move that would make a cycle or go under a missing class', () => {
    const cyclic = { classes: [cls('cat', { parentId: 'dog' }), cls('dog', { parentId: 'cat' }), cls('lynx'), cls('animal')] };
    expect(messages([{ op: 'move_class', classId: 'cat', parentId: 'dog' }], cyclic)).toEqual([
      [0, 'moving cat under dog makes a cycle'],
    ]);
    expect(messages([{ op: 'move_class', classId: 'cat', parentId: 'bird' }], v1)).toEqual([
      [0, 'moves cat under bird, which does not exist'],
    ]);
  });

  it('refuses an enum mapping to a value the new version lacks, from a value the old lacked, or clearing a required one', () => {
    const v2 = {
      classes: [
        cls('cat', { attributes: [{ ...mood, required: true, options: ['relaxed', 'wild'] }] }),
        cls('dog'),
        cls('lynx'),
        cls('animal'),
      ],
    };
    expect(
      messages(
        [{ op: 'map_enum_values', classId: 'cat', attributeId: 'mood', mapping: { calm: 'serene', grumpy: 'wild', wild: null } }],
        v2,
      ),
    ).toEqual([
      [0, 'maps “calm” to “serene”, which the new version does not offer'],
      [0, 'maps “grumpy”, which is not a value of mood'],
      [0, 'clears “wild” but mood is required'],
    ]);
  });

  it('refuses a default that does not fit the attribute, and adding one that exists', () => {
    const v2 = {
      classes: [
        cls('cat', { attributes: [mood, { id: 'age', name: 'Age', type: 'number', required: false, min: 0, max: 30 }] }),
        cls('dog'),
        cls('lynx'),
        cls('animal'),
      ],
    };
    expect(messages([{ op: 'add_attribute', classId: 'cat', attributeId: 'age', default: 99 }], v2)).toEqual([
      [0, 'the default 99 is not a valid Age'],
    ]);
    expect(messages([{ op: 'add_attribute', classId: 'cat', attributeId: 'mood', default: 'calm' }], v2)).toEqual([
      [0, 'cat already has mood'],
    ]);
  });

  it('refuses a removal the new version does not make, and a class dropped with no operation', () => {
    expect(messages([{ op: 'remove_attribute', classId: 'cat', attributeId: 'mood' }], v1)).toEqual([
      [0, 'the new version still has mood'],
    ]);
    expect(validateOperations([], v1, { classes: v1.classes.filter((c) => c.id !== 'lynx') })).toEqual([
      {
        operation: -1,
        message: '“Lynx” is gone from the new version: merge or split it, or keep it as deprecated',
        vanishedClassId: 'lynx',
      },
    ]);
  });

  it('refuses an enum value dropped with no mapping for its labels, unless the attribute goes too', () => {
    const withMood = (options: string[]) => ({
      classes: [cls('cat', { attributes: [{ ...mood, options }] }), ...v1.classes.slice(1)],
    });
    expect(validateOperations([], v1, withMood(['wild']))).toEqual([
      {
        operation: -1,
        message: '“Mood” of “Cat” no longer offers “calm”: map it to a value (Map values) or keep it',
        vanishedValue: { classId: 'cat', attributeId: 'mood', value: 'calm' },
      },
    ]);
    const mapped: TTaxonomyOperation = { op: 'map_enum_values', classId: 'cat', attributeId: 'mood', mapping: { calm: 'wild' } };
    expect(messages([mapped], withMood(['wild']))).toEqual([]);
    const dropped: TTaxonomyOperation = { op: 'remove_attribute', classId: 'cat', attributeId: 'mood' };
    expect(messages([dropped], { classes: [cls('cat'), ...v1.classes.slice(1)] })).toEqual([]);
  });

  it('refuses a deprecation the new version does not mark, and merging keypoint classes with different skeletons', () => {
    expect(messages([{ op: 'deprecate_class', classId: 'dog' }], v1)).toEqual([
      [0, 'dog is not marked deprecated in the new version'],
    ]);
    const skeleton = (n: number) => ({
      keypoints: Array.from({ length: n }, (_, i) => ({ id: `k${i}`, name: `K${i}` })),
      edges: [],
    });
    const from = {
      classes: [
        cls('cat', { geometries: ['keypoints'], skeleton: skeleton(3) }),
        cls('dog', { geometries: ['keypoints'], skeleton: skeleton(5) }),
      ],
    };
    const to = { classes: [cls('pet', { geometries: ['keypoints'], skeleton: skeleton(5) })] };
    expect(
      validateOperations([{ op: 'merge_classes', from: ['cat', 'dog'], into: 'pet' }], from, to).map((p) => p.message),
    ).toEqual(["cat's keypoints do not match pet's skeleton"]);
  });
});
