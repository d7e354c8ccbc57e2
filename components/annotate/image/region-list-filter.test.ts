import { describe, expect, it } from 'vitest';
import type { EditorRegion } from '@/lib/annotate/patch';
import { box } from '@/lib/annotate/test-regions';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { bestOf } from '@/tests/best-of';
import {
  ALL_CLASSES,
  buildSearchIndex,
  countByClass,
  filterRegions,
  regionSearchText,
  UNKNOWN_CLASS,
} from './region-list-filter';

const klass = (id: string, name: string, attributes: TTaxonomyClass['attributes'] = []): TTaxonomyClass => ({
  id,
  name,
  color: '#ff0000',
  hotkey: null,
  geometries: ['bbox', 'polygon'],
  attributes,
  description: '',
});

const classes = [
  klass('car', 'Car', [
    { id: 'color', name: 'Color', type: 'enum', required: false, options: ['Red', 'Blue'] },
    { id: 'occluded', name: 'Occluded', type: 'boolean', required: false },
    { id: 'plate', name: 'Plate', type: 'text', required: false },
  ]),
  klass('person', 'Person'),
];

const regions: EditorRegion[] = [
  box('a1b2c3d4', 0.1, 0.1, { attributes: { color: 'Red', occluded: true } }),
  box('ffee0011', 0.2, 0.2, { classId: 'person' }),
  box('0a1b2c3d', 0.3, 0.3, { attributes: { color: 'Blue', plate: 'AB-123' } }),
  { id: 'poly0001', type: 'polygon', classId: 'gone', attributes: { note: 'Zebra crossing' }, points: [] },
];

const ids = (found: number[]) => found.map((i) => regions[i]!.id);

describe('regionSearchText', () => {
  it('holds the class name, the geometry and the attribute values, lowercase', () => {
    expect(regionSearchText(regions[0]!, classes[0])).toBe('car\nbox\nred\noccluded');
    expect(regionSearchText(regions[2]!, classes[0])).toBe('car\nbox\nblue\nab-123');
    expect(regionSearchText(regions[3]!, undefined)).toBe('\npolygon\nzebra crossing');
  });

  it('counts numbers as text and leaves out unset values and booleans that are off', () => {
    const r = box('x', 0.1, 0.1, { attributes: { n: 42, off: false, none: null } });
    expect(regionSearchText(r, classes[0])).toBe('car\nbox\n42');
  });
});

describe('filterRegions', () => {
  it('returns every index in z-order for an empty query and all classes', () => {
    expect(filterRegions(regions, classes, '', ALL_CLASSES)).toEqual([0, 1, 2, 3]);
    expect(filterRegions(regions, classes, '   ', ALL_CLASSES)).toEqual([0, 1, 2, 3]);
  });

  it('matches class names and attribute values case-insensitively', () => {
    expect(ids(filterRegions(regions, classes, 'PERSON', ALL_CLASSES))).toEqual(['ffee0011']);
    expect(ids(filterRegions(regions, classes, 'car', ALL_CLASSES))).toEqual(['a1b2c3d4', '0a1b2c3d']);
    expect(ids(filterRegions(regions, classes, 'blu', ALL_CLASSES))).toEqual(['0a1b2c3d']);
    expect(ids(filterRegions(regions, classes, 'ab-1', ALL_CLASSES))).toEqual(['0a1b2c3d']);
    expect(ids(filterRegions(regions, classes, 'zebra', ALL_CLASSES))).toEqual(['poly0001']);
    expect(ids(filterRegions(regions, classes, 'occluded', ALL_CLASSES))).toEqual(['a1b2c3d4']);
    expect(ids(filterRegions(regions, classes, 'polygon', ALL_CLASSES))).toEqual(['poly0001']);
  });

  it('matches ids by prefix only', () => {
    expect(ids(filterRegions(regions, classes, 'A1B2', ALL_CLASSES))).toEqual(['a1b2c3d4']);
    expect(ids(filterRegions(regions, classes, '0a1', ALL_CLASSES))).toEqual(['0a1b2c3d']);
    // "1b2c" is inside two ids but starts neither.
    expect(filterRegions(regions, classes, '1b2c', ALL_CLASSES)).toEqual([]);
  });

  it('needs every term to match', () => {
    expect(ids(filterRegions(regions, classes, 'car red', ALL_CLASSES))).toEqual(['a1b2c3d4']);
    expect(filterRegions(regions, classes, 'person red', ALL_CLASSES)).toEqual([]);
  });

  it('filters by class, and by a class the taxonomy does not know', () => {
    expect(ids(filterRegions(regions, classes, '', 'car'))).toEqual(['a1b2c3d4', '0a1b2c3d']);
    expect(ids(filterRegions(regions, classes, 'blue', 'car'))).toEqual(['0a1b2c3d']);
    expect(filterRegions(regions, classes, 'blue', 'person')).toEqual([]);
    expect(ids(filterRegions(regions, classes, '', UNKNOWN_CLASS))).toEqual(['poly0001']);
  });

  it('gives the same answer with a prebuilt index', () => {
    const index = buildSearchIndex(regions, classes);
    expect(filterRegions(regions, classes, 'car', ALL_CLASSES, index)).toEqual(
      filterRegions(regions, classes, 'car', ALL_CLASSES),
    );
  });

  it('filters 10,000 regions in under 50 ms, index included', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      box(`r${i.toString(16).padStart(7, '0')}`, (i % 80) / 100, (i % 70) / 100, {
        classId: i % 3 === 0 ? 'person' : 'car',
        attributes: i % 3 === 0 ? {} : { color: i % 2 ? 'Red' : 'Blue', occluded: i % 5 === 0, plate: `P-${i}` },
      }),
    );
    // Warm up the JIT once so that the timing measures the work, not the compilation.
    filterRegions(many, classes, 'warm', ALL_CLASSES);
    const index = buildSearchIndex(many, classes);
    const found = filterRegions(many, classes, 'red', 'car', index);
    expect(found.length).toBe(many.filter((r) => r.classId === 'car' && r.attributes.color === 'Red').length);
    const elapsed = bestOf(5, () => {
      const fresh = buildSearchIndex(many, classes);
      filterRegions(many, classes, 'red', 'car', fresh);
      for (const query of ['r', 'r00', 'p-99', 'car blue', 'occ', 'nothing at all'])
        filterRegions(many, classes, query, ALL_CLASSES, fresh);
    });
    expect(elapsed).toBeLessThan(50);
  });
});

describe('countByClass', () => {
  it('counts regions per class id, unknown ones too', () => {
    expect(countByClass(regions)).toEqual(
      new Map([
        ['car', 2],
        ['person', 1],
        ['gone', 1],
      ]),
    );
  });
});
