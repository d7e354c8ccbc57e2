import { describe, expect, it } from 'vitest';
import {
  fromDefinition,
  keypointId,
  newAttribute,
  newClass,
  parseSkeleton,
  serverErrorsToEditor,
  stableId,
  toDefinition,
  validateDefinition,
  type EditClass,
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
    expect(
      serverErrorsToEditor({
        'definition.classes.0.name': 'a name is required',
        definition: 'bad',
        'definition.classes.1.skeleton.edges.3': 'edge 4 joins a keypoint that does not exist',
      }),
    ).toEqual({
      'classes.0.name': 'a name is required',
      classes: 'bad',
      'classes.1.skeleton.edges': 'edge 4 joins a keypoint that does not exist',
    });
  });
});

describe('skeleton', () => {
  const person = (keypointsText: string, edgesText: string, geometries: EditClass['geometries'] = ['bbox', 'keypoints']) => ({
    ...newClass('Person', [], []),
    geometries,
    keypointsText,
    edgesText,
  });

  it('derives keypoint ids from names', () => {
    expect(keypointId('Left shoulder')).toBe('left_shoulder');
    expect(keypointId('  Épaule / gauche! ')).toBe('epaule_gauche');
    expect(keypointId('???')).toBe('point');
  });

  it('turns names and name-name lines into keypoints and edges by index', () => {
    const def = toDefinition([person('Head\nNeck\n\nLeft hand\nT-joint', 'head-Neck\n neck - left hand \nleft_hand-T-joint')]);
    expect(def.classes[0]?.skeleton).toEqual({
      keypoints: [
        { id: 'head', name: 'Head' },
        { id: 'neck', name: 'Neck' },
        { id: 'left_hand', name: 'Left hand' },
        { id: 't_joint', name: 'T-joint' },
      ],
      edges: [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    });
    expect(validateDefinition([person('Head\nNeck', 'head-neck')])).toEqual({});
  });

  it('round-trips a skeleton, keeping the ids it was loaded with', () => {
    const skeleton = {
      keypoints: [
        { id: 'kp1', name: 'Head' },
        { id: 'kp2', name: 'Neck' },
      ],
      edges: [[0, 1] as [number, number]],
    };
    const loaded = fromDefinition({
      classes: [{ ...toDefinition([person('', '')]).classes[0]!, hotkey: null, attributes: [], description: '', skeleton }],
    });
    expect(loaded[0]).toMatchObject({ keypointsText: 'Head\nNeck', edgesText: 'Head-Neck' });
    expect(toDefinition(loaded).classes[0]?.skeleton).toEqual(skeleton);
  });

  it('leaves the skeleton out of a class without keypoints or without keypoint names', () => {
    expect(toDefinition([person('Head\nNeck', 'head-neck', ['bbox'])]).classes[0]).not.toHaveProperty('skeleton');
    expect(toDefinition([person('  ', '')]).classes[0]).not.toHaveProperty('skeleton');
    expect(validateDefinition([person('Head\nNeck', 'head-tail', ['bbox'])])).toEqual({});
  });

  it('reports unreadable edges and schema problems on the field they come from', () => {
    expect(parseSkeleton(person('Head\nNeck', 'head-tail')).edgeProblem).toBe(
      '“head-tail” does not join two keypoints of the list',
    );
    expect(validateDefinition([person('Head\nNeck', 'head neck')])).toEqual({
      'classes.0.skeleton.edges': '“head neck” is not an edge: write two keypoint names joined by -, e.g. head-neck',
    });
    expect(validateDefinition([person('Head\nNeck', 'head-head')])).toEqual({
      'classes.0.skeleton.edges': 'edge 1 joins “Head” to itself',
    });
    expect(validateDefinition([person('Left hand\nleft-hand', '')])).toEqual({
      'classes.0.skeleton.keypoints': 'two keypoints share the id “left_hand”',
    });
    expect(validateDefinition([person('', 'head-neck')])).toEqual({
      'classes.0.skeleton.keypoints': 'list the keypoints the edges join',
    });
  });
});
