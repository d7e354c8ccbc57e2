import { describe, expect, it } from 'vitest';
import { changeOf, defaultValue, EMPTY_CHANGE_FORM, type ChangeFormState } from './change-form-state';
import { fromDefinition } from './editor-model';

const [light, car] = fromDefinition({
  classes: [
    {
      id: 'light',
      name: 'Light',
      color: '#fdd835',
      hotkey: null,
      description: '',
      geometries: ['bbox'],
      attributes: [{ id: 'color', name: 'Color', type: 'enum', required: true, options: ['red', 'off'] }],
    },
    {
      id: 'car',
      name: 'Car',
      color: '#e53935',
      hotkey: null,
      description: '',
      geometries: ['bbox'],
      attributes: [{ id: 'make', name: 'Make', type: 'text', required: false }],
      parentId: 'light',
    },
  ],
});
const form = (patch: Partial<ChangeFormState>): ChangeFormState => ({ ...EMPTY_CHANGE_FORM, ...patch });

describe('the change form', () => {
  it('describes no move to where the class already is', () => {
    expect(changeOf('move', car, [], form({ parentId: 'light' }))).toBeNull();
    expect(changeOf('move', car, [], form({ parentId: '' }))).toEqual({ kind: 'move', classId: 'car', parentId: null });
    expect(changeOf('move', light, [], form({ parentId: '' }))).toBeNull();
  });

  it('needs an attribute labels can hold for remove, rename and map', () => {
    const attributes = light!.attributes;
    expect(changeOf('remove_attribute', light, attributes, form({ attributeId: 'nope' }))).toBeNull();
    expect(changeOf('remove_attribute', light, attributes, form({ attributeId: 'color' }))).toEqual({
      kind: 'remove_attribute',
      classId: 'light',
      attributeId: 'color',
    });
    expect(changeOf('rename_attribute', light, attributes, form({ attributeId: 'color', name: 'Color' }))).toBeNull();
    expect(changeOf('rename_attribute', light, attributes, form({ attributeId: 'color', name: 'Hue' }))).toMatchObject({
      name: 'Hue',
    });
  });

  it('maps only values given a new one or cleared, and nothing for a text attribute', () => {
    const mapping = { red: ' stop ', off: null, unchanged: '', same: 'same' };
    expect(changeOf('map_enum_values', light, light!.attributes, form({ attributeId: 'color', mapping }))).toEqual({
      kind: 'map_enum_values',
      classId: 'light',
      attributeId: 'color',
      mapping: { red: 'stop', off: null },
    });
    expect(
      changeOf('map_enum_values', light, light!.attributes, form({ attributeId: 'color', mapping: { red: '' } })),
    ).toBeNull();
    expect(changeOf('map_enum_values', car, car!.attributes, form({ attributeId: 'make', mapping: { a: 'b' } }))).toBeNull();
  });

  it('adds an enum attribute only with options, and a default only when it fits', () => {
    expect(changeOf('add_attribute', car, [], form({ name: 'Body', type: 'enum' }))).toBeNull();
    expect(changeOf('add_attribute', car, [], form({ name: 'Body', optionsText: 'van', defaultText: 'truck' }))).toBeNull();
    expect(
      changeOf('add_attribute', car, [], form({ name: 'Body', optionsText: 'van, sedan', defaultText: 'van' })),
    ).toMatchObject({ kind: 'add_attribute', classId: 'car', type: 'enum', default: 'van' });
  });

  it('reads a default as a value of the attribute type', () => {
    expect(defaultValue('number', ' 4.5 ', [])).toBe(4.5);
    expect(defaultValue('number', 'four', [])).toBeUndefined();
    expect(defaultValue('boolean', 'false', [])).toBe(false);
    expect(defaultValue('text', '', [])).toBeNull();
  });
});
