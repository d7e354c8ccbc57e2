import { describe, expect, it } from 'vitest';
import { ZTaxonomyDefinitionSchema } from '@/lib/schemas/taxonomy';
import { validateOperations } from '@/lib/taxonomy-migration/validate-operations';
import { applyClassChange } from './class-changes';
import { fromDefinition, newClass, toDefinition, type EditClass } from './editor-model';

function published(): EditClass[] {
  const classes: EditClass[] = [];
  for (const name of ['Cat', 'Dog', 'Lynx']) classes.push({ ...newClass(name, classes, []), hotkey: name[0]!.toLowerCase() });
  return classes;
}
const ids = (classes: EditClass[]) => classes.map((c) => c.id);
const from = ZTaxonomyDefinitionSchema.parse(toDefinition(published()));
/** The operations must pass the same check the publish makes, against the classes they produced. */
const fits = (classes: EditClass[], operation: Parameters<typeof validateOperations>[0][number]) =>
  validateOperations([operation], from, ZTaxonomyDefinitionSchema.parse(toDefinition(classes)));

describe('class changes in the editor', () => {
  const reserved = ids(published());

  it('rename keeps the id and changes the name', () => {
    const { classes, operation } = applyClassChange(published(), { kind: 'rename', classId: 'cat', name: ' Feline ' }, reserved);
    expect(classes.map((c) => [c.id, c.name])).toEqual([
      ['cat', 'Feline'],
      ['dog', 'Dog'],
      ['lynx', 'Lynx'],
    ]);
    expect(operation).toEqual({ op: 'rename_class', classId: 'cat', name: 'Feline' });
    expect(fits(classes, operation)).toEqual([]);
  });

  it('merge into a new class puts it where the first source was, with its settings', () => {
    const { classes, operation } = applyClassChange(
      published(),
      { kind: 'merge', from: ['cat', 'lynx'], intoName: 'Feline' },
      reserved,
    );
    expect(ids(classes)).toEqual(['feline', 'dog']);
    expect(classes[0]).toMatchObject({ name: 'Feline', hotkey: 'c', geometries: ['bbox'] });
    expect(operation).toEqual({ op: 'merge_classes', from: ['cat', 'lynx'], into: 'feline' });
    expect(fits(classes, operation)).toEqual([]);
  });

  it('merge into one of its sources (by name) keeps that class', () => {
    const { classes, operation } = applyClassChange(
      published(),
      { kind: 'merge', from: ['cat', 'lynx'], intoName: 'cat' },
      reserved,
    );
    expect(ids(classes)).toEqual(['cat', 'dog']);
    expect(operation).toEqual({ op: 'merge_classes', from: ['cat', 'lynx'], into: 'cat' });
    expect(fits(classes, operation)).toEqual([]);
  });

  it('split replaces the class by its parts, the first taking its hotkey', () => {
    const { classes, operation } = applyClassChange(
      published(),
      { kind: 'split', classId: 'dog', names: ['Puppy', 'Adult dog'] },
      reserved,
    );
    expect(classes.map((c) => [c.id, c.hotkey])).toEqual([
      ['cat', 'c'],
      ['puppy', 'd'],
      ['adult-dog', ''],
      ['lynx', 'l'],
    ]);
    expect(operation).toEqual({ op: 'split_class', classId: 'dog', into: ['puppy', 'adult-dog'] });
    expect(fits(classes, operation)).toEqual([]);
  });

  it('deprecate marks the class and keeps it, through a save and a reload', () => {
    const { classes, operation } = applyClassChange(published(), { kind: 'deprecate', classId: 'lynx' }, reserved);
    expect(fits(classes, operation)).toEqual([]);
    const reloaded = fromDefinition(ZTaxonomyDefinitionSchema.parse(toDefinition(classes)));
    expect(reloaded.find((c) => c.id === 'lynx')?.deprecated).toBe(true);
  });
});
