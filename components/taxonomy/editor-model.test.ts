import { describe, expect, it } from 'vitest';
import {
  fromDefinition,
  newAttribute,
  newClass,
  serverErrorsToEditor,
  stableId,
  toDefinition,
  validateDefinition,
} from './editor-model';

describe('stableId', () => {
  it('slugifies a name and keeps clear of ids already taken', () => {
    expect(stableId('Traffic Light', [], 'class')).toBe('traffic-light');
    expect(stableId('Traffic light', ['traffic-light'], 'class')).toBe('traffic-light-2');
    expect(stableId('Traffic light', ['traffic-light', 'traffic-light-2'], 'class')).toBe('traffic-light-3');
    expect(stableId('Café  crème!', [], 'class')).toBe('cafe-creme');
    expect(stableId('???', [], 'attr')).toBe('attr');
  });

  it('never exceeds the schema limit of 64 characters', () => {
    const id = stableId('x'.repeat(200), ['x'.repeat(56)], 'class');
    expect(id.length).toBeLessThanOrEqual(64);
    expect(id).toMatch(/^[a-z0-9][a-z0-9_-]{0,63}$/);
  });
});

describe('editor model', () => {
  it('keeps a class id when the class is renamed, and avoids ids of the published version', () => {
    const car = newClass('Car', [], ['car']);
    expect(car.id).toBe('car-2');
    const renamed = { ...car, name: 'Automobile' };
    expect(toDefinition([renamed]).classes[0]).toMatchObject({ id: 'car-2', name: 'Automobile' });
  });

  it('round-trips a definition, turning the comma list into enum options', () => {
    const cls = newClass('Vehicle', [], []);
    const kind = { ...newAttribute('Kind', []), optionsText: 'car, truck ,, bus' };
    const speed = { ...newAttribute('Speed', [kind]), type: 'number' as const, min: '0', max: '300' };
    const def = toDefinition([{ ...cls, attributes: [kind, speed] }]);
    expect(def.classes[0]?.attributes).toEqual([
      { id: 'kind', name: 'Kind', type: 'enum', required: false, options: ['car', 'truck', 'bus'] },
      { id: 'speed', name: 'Speed', type: 'number', required: false, min: 0, max: 300 },
    ]);
    expect(fromDefinition(def as never)[0]?.attributes[0]?.optionsText).toBe('car, truck, bus');
  });

  it('reports problems at the path of the field', () => {
    const a = { ...newClass('Car', [], []), hotkey: 'c' };
    const b = { ...newClass('Bus', [a], []), hotkey: 'c', geometries: [] };
    const enumWithoutOptions = newAttribute('Kind', []);
    const errors = validateDefinition([{ ...a, attributes: [enumWithoutOptions] }, b]);
    expect(errors['classes.1.geometries']).toMatch(/at least one geometry/);
    expect(errors['classes.0.attributes.0.options']).toMatch(/needs options/);
    expect(errors.classes).toMatch(/duplicate hotkey: c/);
    expect(validateDefinition([a])).toEqual({});
  });

  it('maps server error paths onto the editor', () => {
    expect(serverErrorsToEditor({ 'definition.classes.0.name': 'a name is required', definition: 'bad' })).toEqual({
      'classes.0.name': 'a name is required',
      classes: 'bad',
    });
  });
});
