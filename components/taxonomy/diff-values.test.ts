import { describe, expect, it } from 'vitest';
import { fieldLabel, formatDiffValue } from './diff-values';

const nameOf = (id: string) => ({ vehicle: 'Vehicle' })[id] ?? id;

describe('diff values', () => {
  it('names the fields as the editor does', () => {
    expect(fieldLabel('attributes.color')).toBe('attribute color');
    expect(fieldLabel('parentId')).toBe('parent');
    expect(fieldLabel('hotkey')).toBe('hotkey');
  });

  it('writes each kind of value in words', () => {
    expect(formatDiffValue('parentId', 'vehicle', nameOf)).toBe('Vehicle');
    expect(formatDiffValue('parentId', null, nameOf)).toBe('—');
    expect(formatDiffValue('geometries', ['bbox', 'polygon'], nameOf)).toBe('bbox, polygon');
    expect(formatDiffValue('deprecated', true, nameOf)).toBe('yes');
    expect(formatDiffValue('skeleton', { keypoints: [{ id: 'a', name: 'A' }], edges: [] }, nameOf)).toBe('1 keypoints, 0 edges');
    expect(
      formatDiffValue(
        'attributes.color',
        { id: 'color', name: 'Color', type: 'enum', required: true, options: ['red', 'off'] },
        nameOf,
      ),
    ).toBe('Color (enum, required): red, off');
    expect(formatDiffValue('attributes.n', { id: 'n', name: 'N', type: 'number', required: false, min: 0 }, nameOf)).toBe(
      'N (number) [0, ∞]',
    );
  });
});
