'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '../ui/button';
import { Field, Input, Select } from '../ui/field';
import { AttributeChangeFields } from './attribute-change-fields';
import type { ClassChange } from './class-changes';
import { changeOf, EMPTY_CHANGE_FORM, type ChangeFormState, type ChangeKind } from './change-form-state';
import type { EditClass } from './editor-model';

const KINDS: { kind: ChangeKind; label: string; hint: string; group: 'class' | 'attribute' }[] = [
  { kind: 'rename', group: 'class', label: 'Rename', hint: 'The class keeps its id: labels stay as they are.' },
  {
    kind: 'merge',
    group: 'class',
    label: 'Merge',
    hint: 'Labels of every class ticked become the class named below (one of them, or a new one).',
  },
  {
    kind: 'split',
    group: 'class',
    label: 'Split',
    hint: 'Labels go to the first new class for now, and wait in the re-review queue for a person to choose.',
  },
  {
    kind: 'deprecate',
    group: 'class',
    label: 'Deprecate',
    hint: 'Hidden for new labeling; existing labels are kept and shown as deprecated.',
  },
  { kind: 'move', group: 'class', label: 'Move', hint: 'A new place in the class tree: labels stay as they are.' },
  {
    kind: 'add_attribute',
    group: 'attribute',
    label: 'Add attribute',
    hint: 'Every label of the class gets the default; with no default, each waits in the re-review queue for a value.',
  },
  {
    kind: 'remove_attribute',
    group: 'attribute',
    label: 'Remove attribute',
    hint: 'The value is dropped from every label of the class.',
  },
  {
    kind: 'rename_attribute',
    group: 'attribute',
    label: 'Rename attribute',
    hint: 'The attribute keeps its id: values stay as they are.',
  },
  {
    kind: 'map_enum_values',
    group: 'attribute',
    label: 'Map values',
    hint: 'Each value given a new one is replaced on every label (the options follow); a cleared value is removed from labels.',
  },
];

/**
 * Changes to classes that already have labels (those of the published version), made as operations
 * so the labels follow: the editor applies each to the working copy and records it for the migration.
 * `all`: every class of the working copy (a class may move under a new one); `publishedAttributes`:
 * per class, the attribute ids labels of the published version can hold.
 */
export function ClassChangeForm({
  classes,
  all,
  publishedAttributes,
  onApply,
}: {
  classes: EditClass[];
  all: EditClass[];
  publishedAttributes: ReadonlyMap<string, readonly string[]>;
  onApply: (change: ClassChange) => void;
}) {
  const [kind, setKind] = useState<ChangeKind>('rename');
  const [chosen, setClassId] = useState(classes[0]?.id ?? '');
  // A class merged or split away meanwhile is no longer offered: fall back to the first one.
  const cls = classes.find((c) => c.id === chosen) ?? classes[0];
  const [form, setForm] = useState<ChangeFormState>(EMPTY_CHANGE_FORM);
  const set = (patch: Partial<ChangeFormState>) => setForm((f) => ({ ...f, ...patch }));
  const attributes = cls?.attributes.filter((a) => publishedAttributes.get(cls.id)?.includes(a.id)) ?? [];
  const change = changeOf(kind, cls, attributes, form);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!change) return;
    onApply(change);
    setForm(EMPTY_CHANGE_FORM);
  }

  if (classes.length === 0) return <p className="text-sm text-zinc-500">No published class is left to change.</p>;
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Change a class">
      <div className="space-y-1" role="radiogroup" aria-label="Kind of change">
        {(['class', 'attribute'] as const).map((group) => (
          <div key={group} className="flex flex-wrap items-center gap-1">
            <span className="w-20 text-xs text-zinc-500">{group === 'class' ? 'Classes' : 'Attributes'}</span>
            {KINDS.filter((k) => k.group === group).map((k) => (
              <Button
                key={k.kind}
                size="sm"
                variant={k.kind === kind ? 'primary' : 'secondary'}
                role="radio"
                aria-checked={k.kind === kind}
                onClick={() => {
                  setKind(k.kind);
                  setForm(EMPTY_CHANGE_FORM);
                }}
              >
                {k.label}
              </Button>
            ))}
          </div>
        ))}
      </div>
      <p className="text-xs text-zinc-500">{KINDS.find((k) => k.kind === kind)!.hint}</p>
      {kind === 'merge' ? (
        <fieldset className="flex flex-wrap gap-3 text-sm">
          <legend className="mb-1 text-xs font-medium text-zinc-700">Classes to merge</legend>
          {classes.map((c) => (
            <label key={c.id} className="flex items-center gap-1.5">
              <input
                type="checkbox"
                checked={form.ticked.includes(c.id)}
                onChange={(e) =>
                  set({ ticked: e.target.checked ? [...form.ticked, c.id] : form.ticked.filter((id) => id !== c.id) })
                }
              />
              {c.name}
            </label>
          ))}
        </fieldset>
      ) : (
        <Field label="Class" className="max-w-64">
          <Select
            value={cls?.id ?? ''}
            onChange={(e) => {
              setClassId(e.target.value);
              // What was picked for the previous class (its attribute, parent, mapping) does not carry over.
              set({ attributeId: '', parentId: '', mapping: {} });
            }}
          >
            {classes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {(kind === 'rename' || kind === 'merge') && (
        <Field label={kind === 'rename' ? 'New name' : 'Merge into (a name)'} className="max-w-64">
          <Input value={form.name} onChange={(e) => set({ name: e.target.value })} maxLength={100} />
        </Field>
      )}
      {kind === 'split' && (
        <Field label="Split into (names, comma separated)" hint="At least two, e.g. Puppy, Adult dog" className="max-w-96">
          <Input value={form.names} onChange={(e) => set({ names: e.target.value })} maxLength={400} />
        </Field>
      )}
      {cls && <AttributeChangeFields kind={kind} cls={cls} all={all} attributes={attributes} form={form} set={set} />}
      <Button type="submit" size="sm" disabled={!change}>
        Add change
      </Button>
    </form>
  );
}
