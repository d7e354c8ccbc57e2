'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '../ui/button';
import { Field, Input, Select } from '../ui/field';
import type { ClassChange } from './class-changes';
import type { EditClass } from './editor-model';

type Kind = ClassChange['kind'];

const KINDS: { kind: Kind; label: string; hint: string }[] = [
  { kind: 'rename', label: 'Rename', hint: 'The class keeps its id: labels stay as they are.' },
  {
    kind: 'merge',
    label: 'Merge',
    hint: 'Labels of every class ticked become the class named below (one of them, or a new one).',
  },
  {
    kind: 'split',
    label: 'Split',
    hint: 'Labels go to the first new class for now, and wait in the re-review queue for a person to choose.',
  },
  { kind: 'deprecate', label: 'Deprecate', hint: 'Hidden for new labeling; existing labels are kept and shown as deprecated.' },
];

/**
 * Changes to classes that already have labels (those of the published version), made as operations
 * so the labels follow: the editor applies each to the working copy and records it for the migration.
 */
export function ClassChangeForm({ classes, onApply }: { classes: EditClass[]; onApply: (change: ClassChange) => void }) {
  const [kind, setKind] = useState<Kind>('rename');
  const [chosen, setClassId] = useState(classes[0]?.id ?? '');
  // A class merged or split away meanwhile is no longer offered: fall back to the first one.
  const classId = classes.some((c) => c.id === chosen) ? chosen : (classes[0]?.id ?? '');
  const [ticked, setTicked] = useState<string[]>([]);
  const [name, setName] = useState('');
  const [names, setNames] = useState('');
  const split = names
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const change = changeOf(kind, { classId, ticked, name, split });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!change) return;
    onApply(change);
    setTicked([]);
    setName('');
    setNames('');
  }

  if (classes.length === 0) return <p className="text-sm text-zinc-500">No published class is left to change.</p>;
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Change a class">
      <div className="flex flex-wrap gap-1" role="radiogroup" aria-label="Kind of change">
        {KINDS.map((k) => (
          <Button
            key={k.kind}
            size="sm"
            variant={k.kind === kind ? 'primary' : 'secondary'}
            role="radio"
            aria-checked={k.kind === kind}
            onClick={() => setKind(k.kind)}
          >
            {k.label}
          </Button>
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
                checked={ticked.includes(c.id)}
                onChange={(e) => setTicked((all) => (e.target.checked ? [...all, c.id] : all.filter((id) => id !== c.id)))}
              />
              {c.name}
            </label>
          ))}
        </fieldset>
      ) : (
        <Field label="Class" className="max-w-64">
          <Select value={classId} onChange={(e) => setClassId(e.target.value)}>
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
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
        </Field>
      )}
      {kind === 'split' && (
        <Field label="Split into (names, comma separated)" hint="At least two, e.g. Puppy, Adult dog" className="max-w-96">
          <Input value={names} onChange={(e) => setNames(e.target.value)} maxLength={400} />
        </Field>
      )}
      <Button type="submit" size="sm" disabled={!change}>
        Add change
      </Button>
    </form>
  );
}

function changeOf(kind: Kind, form: { classId: string; ticked: string[]; name: string; split: string[] }): ClassChange | null {
  switch (kind) {
    case 'rename':
      return form.classId && form.name.trim() ? { kind, classId: form.classId, name: form.name } : null;
    case 'merge':
      return form.ticked.length >= 2 && form.name.trim() ? { kind, from: form.ticked, intoName: form.name } : null;
    case 'split':
      return form.classId && form.split.length >= 2 ? { kind, classId: form.classId, names: form.split } : null;
    case 'deprecate':
      return form.classId ? { kind, classId: form.classId } : null;
  }
}
