import { describe, expect, it } from 'vitest';
import { ZTaxonomyDefinitionSchema } from '@/lib/schemas/taxonomy';
import { applyOperations } from '@/lib/taxonomy-migration/apply-operations';
import { validateOperations } from '@/lib/taxonomy-migration/validate-operations';
import { mappedOptions, possibleParents } from './attribute-changes';
import { applyClassChange, type ClassChange } from './class-changes';
import { fromDefinition, toDefinition } from './editor-model';

// The published version the changes start from: a light with an enum color, a car with a text make.
const PUBLISHED = ZTaxonomyDefinitionSchema.parse({
  classes: [
    {
      id: 'light',
      name: 'Light',
      color: '#fdd835',
      geometries: ['bbox'],
      attributes: [{ id: 'color', name: 'Color', type: 'enum', required: true, options: ['red', 'yellow', 'green', 'off'] }],
    },
    {
      id: 'car',
      name: 'Car',
      color: '#e53935',
      geometries: ['bbox'],
      attributes: [{ id: 'make', name: 'Make', type: 'text', required: false }],
    },
    { id: 'vehicle', name: 'Vehicle', color: '#000000', geometries: ['bbox'], attributes: [] },
  ],
});

/** Applies the change to the published classes; its operation must pass the publish's own check. */
function apply(change: ClassChange) {
  const result = applyClassChange(fromDefinition(PUBLISHED), change, []);
  const draft = ZTaxonomyDefinitionSchema.parse(toDefinition(result.classes));
  expect(validateOperations([result.operation], PUBLISHED, draft)).toEqual([]);
  return { ...result, draft };
}
const region = (classId: string, attributes: Record<string, string | number | boolean>) => ({
  id: 'r1',
  type: 'bbox' as const,
  classId,
  attributes,
  bbox: { x: 1, y: 2, w: 3, h: 4 },
});

describe('tree and attribute changes in the editor', () => {
  it('move puts the class under another and records move_class; to the top records null', () => {
    const under = apply({ kind: 'move', classId: 'car', parentId: 'vehicle' });
    expect(under.draft.classes.find((c) => c.id === 'car')?.parentId).toBe('vehicle');
    expect(under.operation).toEqual({ op: 'move_class', classId: 'car', parentId: 'vehicle' });
    const back = applyClassChange(under.classes, { kind: 'move', classId: 'car', parentId: null }, []);
    expect(back.classes.find((c) => c.id === 'car')?.parentId).toBe('');
    expect(back.operation).toEqual({ op: 'move_class', classId: 'car', parentId: null });
  });

  it('a class cannot move under itself or a class below it', () => {
    const { classes } = apply({ kind: 'move', classId: 'car', parentId: 'vehicle' });
    expect(possibleParents(classes, 'vehicle').map((c) => c.id)).toEqual(['light']);
    expect(possibleParents(classes, 'car').map((c) => c.id)).toEqual(['light', 'vehicle']);
  });

  it('add attribute appends it with a new id and sets the default on labels', () => {
    const { draft, operation } = apply({
      kind: 'add_attribute',
      classId: 'car',
      name: 'Parked',
      type: 'boolean',
      required: false,
      optionsText: 'ignored for a boolean',
      default: false,
    });
    expect(draft.classes.find((c) => c.id === 'car')?.attributes.at(-1)).toEqual({
      id: 'parked',
      name: 'Parked',
      type: 'boolean',
      required: false,
    });
    expect(operation).toEqual({ op: 'add_attribute', classId: 'car', attributeId: 'parked', default: false });
    expect(applyOperations([region('car', { make: 'VW' })], [operation]).regions[0]?.attributes).toEqual({
      make: 'VW',
      parked: false,
    });
  });

  it('add attribute without a default leaves each label for a person', () => {
    const { operation } = apply({
      kind: 'add_attribute',
      classId: 'car',
      name: 'Body',
      type: 'enum',
      required: true,
      optionsText: 'sedan, van',
      default: null,
    });
    expect(applyOperations([region('car', {})], [operation]).needsDecision).toHaveLength(1);
  });

  it('remove attribute drops it from the class and from labels', () => {
    const { draft, operation } = apply({ kind: 'remove_attribute', classId: 'car', attributeId: 'make' });
    expect(draft.classes.find((c) => c.id === 'car')?.attributes).toEqual([]);
    expect(applyOperations([region('car', { make: 'VW' })], [operation]).regions[0]?.attributes).toEqual({});
  });

  it('rename attribute keeps its id and values', () => {
    const { draft, operation } = apply({ kind: 'rename_attribute', classId: 'car', attributeId: 'make', name: ' Brand ' });
    expect(draft.classes.find((c) => c.id === 'car')?.attributes[0]).toMatchObject({ id: 'make', name: 'Brand' });
    expect(operation).toEqual({ op: 'rename_attribute', classId: 'car', attributeId: 'make', newId: 'make', name: 'Brand' });
    expect(applyOperations([region('car', { make: 'VW' })], [operation]).regions[0]?.attributes).toEqual({ make: 'VW' });
  });

  it('map values rewrites the options and the labels; a cleared value goes from both', () => {
    const { draft, operation } = apply({
      kind: 'map_enum_values',
      classId: 'light',
      attributeId: 'color',
      mapping: { yellow: 'amber', off: 'dark' },
    });
    expect(draft.classes[0]?.attributes[0]?.options).toEqual(['red', 'amber', 'green', 'dark']);
    expect(applyOperations([region('light', { color: 'yellow' })], [operation]).regions[0]?.attributes).toEqual({
      color: 'amber',
    });
  });

  it('mappedOptions merges two values mapped to one and drops cleared ones', () => {
    expect(mappedOptions('red, yellow, green, off', { yellow: 'red', off: null })).toBe('red, green');
  });
});
