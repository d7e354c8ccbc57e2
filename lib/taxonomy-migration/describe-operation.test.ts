import { describe, expect, it } from 'vitest';
import { describeOperation } from './describe-operation';

const names: Record<string, string> = { cat: 'Cat', dog: 'Dog', lynx: 'Lynx', pet: 'Pet', puppy: 'Puppy', adult: 'Adult dog' };
const nameOf = (id: string) => names[id] ?? id;

describe('describeOperation', () => {
  it('says each operation in words, with class names', () => {
    expect(describeOperation({ op: 'rename_class', classId: 'cat', name: 'Feline' }, nameOf)).toBe('Rename Cat to “Feline”');
    expect(describeOperation({ op: 'merge_classes', from: ['cat', 'lynx'], into: 'pet' }, nameOf)).toBe(
      'Merge Cat, Lynx into Pet',
    );
    expect(describeOperation({ op: 'split_class', classId: 'dog', into: ['puppy', 'adult'] }, nameOf)).toBe(
      'Split Dog into Puppy | Adult dog (each label needs a decision)',
    );
    expect(describeOperation({ op: 'deprecate_class', classId: 'dog' }, nameOf)).toBe('Deprecate Dog');
    expect(describeOperation({ op: 'move_class', classId: 'cat', parentId: null }, nameOf)).toBe('Move Cat to the top');
    expect(describeOperation({ op: 'add_attribute', classId: 'cat', attributeId: 'age', default: null }, nameOf)).toBe(
      'Add age to Cat (no default: each label needs a value)',
    );
    expect(
      describeOperation(
        { op: 'map_enum_values', classId: 'cat', attributeId: 'mood', mapping: { calm: 'relaxed', odd: null } },
        nameOf,
      ),
    ).toBe("Map Cat's mood: calm → relaxed, odd → (cleared)");
  });

  it('words a value mapping the same whatever the order of its keys', () => {
    const words = (mapping: Record<string, string | null>) =>
      describeOperation({ op: 'map_enum_values', classId: 'cat', attributeId: 'mood', mapping }, nameOf);
    expect(words({ odd: null, calm: 'relaxed' })).toBe(words({ calm: 'relaxed', odd: null }));
  });
});
