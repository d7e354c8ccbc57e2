import { describe, expect, it } from 'vitest';
import { GEOMETRIES } from '../schemas/taxonomy';
import { applyOperations } from './apply-operations';
import type { TTaxonomyOperation } from './operations';
import { geometryPart, regionOf } from './test-regions';

describe.each(GEOMETRIES)('operations on a %s region', (type) => {
  const cat = regionOf(type, 'r1', 'cat', { mood: 'calm', size: 3 });
  const dog = regionOf(type, 'r2', 'dog', { mood: 'wild' });
  const run = (...operations: TTaxonomyOperation[]) => applyOperations([cat, dog], operations);

  it('rename, deprecate and move leave the labels as they are but count as touching the class', () => {
    const result = run(
      { op: 'rename_class', classId: 'cat', name: 'Feline' },
      { op: 'deprecate_class', classId: 'dog' },
      { op: 'move_class', classId: 'cat', parentId: 'animal' },
    );
    expect(result.regions).toEqual([cat, dog]);
    expect(result.changes).toEqual([]);
    expect(result.touched).toEqual([0, 1, 2]);
  });

  it('merge moves every source class to the target and keeps attributes and geometry', () => {
    const result = run({ op: 'merge_classes', from: ['cat', 'dog'], into: 'pet' });
    expect(result.regions.map((r) => [r.classId, r.attributes])).toEqual([
      ['pet', { mood: 'calm', size: 3 }],
      ['pet', { mood: 'wild' }],
    ]);
    expect(result.regions.map(geometryPart)).toEqual([cat, dog].map(geometryPart));
    expect(result.changes).toEqual([
      { operation: 0, regionId: 'r1', field: 'classId', before: 'cat', after: 'pet' },
      { operation: 0, regionId: 'r2', field: 'classId', before: 'dog', after: 'pet' },
    ]);
    expect(result.needsDecision).toEqual([]);
  });

  it('merge into one of its sources leaves that source alone', () => {
    const result = run({ op: 'merge_classes', from: ['cat', 'dog'], into: 'dog' });
    expect(result.regions.map((r) => r.classId)).toEqual(['dog', 'dog']);
    expect(result.changes.map((c) => c.regionId)).toEqual(['r1']);
  });

  it('split gives the first choice provisionally and asks a person', () => {
    const result = run({ op: 'split_class', classId: 'cat', into: ['kitten', 'adult_cat'] });
    expect(result.regions[0]).toMatchObject({ classId: 'kitten', attributes: cat.attributes });
    expect(geometryPart(result.regions[0]!)).toEqual(geometryPart(cat));
    expect(result.regions[1]).toEqual(dog);
    expect(result.needsDecision).toEqual([
      { operation: 0, regionId: 'r1', field: 'classId', reason: 'split', choices: ['kitten', 'adult_cat'] },
    ]);
  });

  it('add attribute sets the default where unset, and without a default asks a person', () => {
    const withDefault = run({ op: 'add_attribute', classId: 'cat', attributeId: 'indoor', default: true });
    expect(withDefault.regions[0]!.attributes).toEqual({ mood: 'calm', size: 3, indoor: true });
    expect(withDefault.regions[1]).toEqual(dog);
    const noDefault = run({ op: 'add_attribute', classId: 'dog', attributeId: 'breed', default: null });
    expect(noDefault.regions).toEqual([cat, dog]);
    expect(noDefault.needsDecision).toEqual([
      { operation: 0, regionId: 'r2', field: 'attributes.breed', reason: 'no_default', choices: [] },
    ]);
  });

  it('add attribute keeps a value already there', () => {
    const result = run({ op: 'add_attribute', classId: 'cat', attributeId: 'size', default: 1 });
    expect(result.regions[0]!.attributes.size).toBe(3);
    expect(result.changes).toEqual([]);
  });

  it('remove and rename attribute move or drop the value, on that class only', () => {
    const removed = run({ op: 'remove_attribute', classId: 'cat', attributeId: 'mood' });
    expect(removed.regions.map((r) => r.attributes)).toEqual([{ size: 3 }, { mood: 'wild' }]);
    const renamed = run({ op: 'rename_attribute', classId: 'dog', attributeId: 'mood', newId: 'temper', name: 'Temper' });
    expect(renamed.regions.map((r) => r.attributes)).toEqual([{ mood: 'calm', size: 3 }, { temper: 'wild' }]);
    const nameOnly = run({ op: 'rename_attribute', classId: 'dog', attributeId: 'mood', newId: 'mood', name: 'Temper' });
    expect(nameOnly.regions).toEqual([cat, dog]);
  });

  it('enum mapping maps listed values, clears null ones and leaves the rest', () => {
    const result = applyOperations(
      [cat, regionOf(type, 'r3', 'cat', { mood: 'sleepy' }), regionOf(type, 'r4', 'cat', { mood: 'odd' })],
      [{ op: 'map_enum_values', classId: 'cat', attributeId: 'mood', mapping: { calm: 'relaxed', sleepy: null } }],
    );
    expect(result.regions.map((r) => r.attributes)).toEqual([{ mood: 'relaxed', size: 3 }, {}, { mood: 'odd' }]);
    expect(result.changes.map((c) => [c.regionId, c.before, c.after])).toEqual([
      ['r1', 'calm', 'relaxed'],
      ['r3', 'sleepy', null],
    ]);
  });
});

describe('a sequence of operations', () => {
  it('applies in order, counts touches on the labels as they were, and never changes its input', () => {
    const regions = [regionOf('bbox', 'a', 'cat', { mood: 'calm' }), regionOf('bbox', 'b', 'lynx')];
    const frozen = structuredClone(regions);
    const result = applyOperations(regions, [
      { op: 'merge_classes', from: ['lynx'], into: 'cat' },
      { op: 'map_enum_values', classId: 'cat', attributeId: 'mood', mapping: { calm: 'relaxed' } },
      { op: 'split_class', classId: 'dog', into: ['puppy', 'adult_dog'] },
      { op: 'rename_class', classId: 'cat', name: 'Cat' },
    ]);
    expect(result.regions.map((r) => [r.classId, r.attributes])).toEqual([
      ['cat', { mood: 'relaxed' }],
      ['cat', {}],
    ]);
    expect(result.touched).toEqual([0, 1, 3]);
    expect(regions).toEqual(frozen);
  });

  it('an annotation without regions is untouched', () => {
    expect(applyOperations([], [{ op: 'deprecate_class', classId: 'cat' }])).toEqual({
      regions: [],
      changes: [],
      needsDecision: [],
      touched: [],
    });
  });
});
