import { describe, expect, it } from 'vitest';
import { testClass as cls } from './test-regions';
import { diffVersions } from './diff-versions';

describe('diffVersions', () => {
  it('lists removed, changed (field by field, attributes by id) and added classes', () => {
    const size = { id: 'size', name: 'Size', type: 'number' as const, required: false };
    const a = { classes: [cls('cat', { attributes: [size] }), cls('dog'), cls('lynx')] };
    const b = {
      classes: [cls('cat', { name: 'Feline', attributes: [{ ...size, max: 9 }], parentId: 'animal' }), cls('dog'), cls('animal')],
    };
    expect(diffVersions(a, b)).toEqual([
      {
        classId: 'cat',
        name: 'Feline',
        change: 'changed',
        fields: { name: ['Cat', 'Feline'], parentId: [null, 'animal'], 'attributes.size': [size, { ...size, max: 9 }] },
      },
      { classId: 'lynx', name: 'Lynx', change: 'removed', fields: {} },
      { classId: 'animal', name: 'Animal', change: 'added', fields: {} },
    ]);
  });

  it('sees no change between equal versions, whatever the key order or absent-vs-null', () => {
    const a = { classes: [cls('cat', { parentId: null })] };
    const b = {
      classes: [
        {
          description: '',
          attributes: [],
          geometries: ['bbox' as const],
          hotkey: null,
          color: '#123456',
          name: 'Cat',
          id: 'cat',
        },
      ],
    };
    expect(diffVersions(a, b)).toEqual([]);
  });
});
