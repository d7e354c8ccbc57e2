import { describe, expect, it } from 'vitest';
import { classKeys } from '@/components/workflow/hotkeys';
import { labelableClasses } from './labelable-classes';

const classes = [
  { id: 'car', hotkey: 'c' },
  { id: 'lynx', hotkey: 'l', deprecated: true },
  { id: 'dog', hotkey: null },
  { id: 'old', hotkey: null, deprecated: true },
  { id: 'cat', hotkey: null, deprecated: false },
];

describe('labelableClasses', () => {
  it('withholds deprecated classes and keeps the order of the rest', () => {
    expect(labelableClasses(classes).map((c) => c.id)).toEqual(['car', 'dog', 'cat']);
  });

  it('gives a deprecated class neither its own hotkey nor a digit, and the digits follow the classes offered', () => {
    const offered = labelableClasses(classes);
    expect(classKeys(offered, new Set())).toEqual(['c', '2', '3']);
    // Without the helper the deprecated lynx would take `l` and the old class the digit 4.
    expect(classKeys(classes, new Set())).toEqual(['c', 'l', '3', '4', '5']);
  });
});
