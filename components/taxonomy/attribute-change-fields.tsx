'use client';

import { ATTRIBUTE_TYPES } from '@/lib/schemas/taxonomy';
import { Field, Input, Select } from '../ui/field';
import { possibleParents } from './attribute-changes';
import type { ChangeFormState, ChangeKind } from './change-form-state';
import { splitOptions, type AttributeType, type EditAttribute, type EditClass } from './editor-model';

interface Props {
  kind: ChangeKind;
  cls: EditClass;
  all: EditClass[];
  /** The class's attributes that labels of the published version can hold. */
  attributes: EditAttribute[];
  form: ChangeFormState;
  set: (patch: Partial<ChangeFormState>) => void;
}

/** The fields of a move and of the attribute changes (the class is picked above them). */
export function AttributeChangeFields({ kind, cls, all, attributes, form, set }: Props) {
  if (kind === 'move') {
    return (
      <Field label="Move under" className="max-w-64">
        <Select value={form.parentId} onChange={(e) => set({ parentId: e.target.value })}>
          <option value="">(top of the tree)</option>
          {possibleParents(all, cls.id).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
    );
  }
  if (kind === 'add_attribute') return <NewAttributeFields form={form} set={set} />;
  if (kind !== 'remove_attribute' && kind !== 'rename_attribute' && kind !== 'map_enum_values') return null;
  const offered = kind === 'map_enum_values' ? attributes.filter((a) => a.type === 'enum') : attributes;
  if (offered.length === 0) {
    return (
      <p className="text-sm text-zinc-500">
        {cls.name} has no {kind === 'map_enum_values' ? 'enum ' : ''}attribute its labels can hold.
      </p>
    );
  }
  const attribute = offered.find((a) => a.id === form.attributeId);
  return (
    <>
      <Field label="Attribute" className="max-w-64">
        <Select value={form.attributeId} onChange={(e) => set({ attributeId: e.target.value, mapping: {}, name: '' })}>
          <option value="">Choose…</option>
          {offered.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
      </Field>
      {kind === 'rename_attribute' && (
        <Field label="New attribute name" className="max-w-64">
          <Input value={form.name} onChange={(e) => set({ name: e.target.value })} maxLength={100} />
        </Field>
      )}
      {kind === 'map_enum_values' && attribute && <ValueMapping attribute={attribute} form={form} set={set} />}
    </>
  );
}

function NewAttributeFields({ form, set }: Pick<Props, 'form' | 'set'>) {
  const options = splitOptions(form.optionsText);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field label="Attribute name" className="w-48">
        <Input value={form.name} onChange={(e) => set({ name: e.target.value })} maxLength={100} />
      </Field>
      <Field label="Type" className="w-28">
        <Select value={form.type} onChange={(e) => set({ type: e.target.value as AttributeType, defaultText: '' })}>
          {ATTRIBUTE_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </Select>
      </Field>
      {form.type === 'enum' && (
        <Field label="Options (comma separated)" className="w-64">
          <Input value={form.optionsText} onChange={(e) => set({ optionsText: e.target.value })} maxLength={400} />
        </Field>
      )}
      <Field label="Default" className="w-40">
        {form.type === 'enum' || form.type === 'boolean' ? (
          <Select value={form.defaultText} onChange={(e) => set({ defaultText: e.target.value })}>
            <option value="">(none: decide each)</option>
            {(form.type === 'enum' ? options : ['true', 'false']).map((o) => (
              <option key={o}>{o}</option>
            ))}
          </Select>
        ) : (
          <Input
            value={form.defaultText}
            inputMode={form.type === 'number' ? 'decimal' : undefined}
            placeholder="none: decide each"
            onChange={(e) => set({ defaultText: e.target.value })}
          />
        )}
      </Field>
      <label className="flex items-center gap-1.5 pb-2 text-sm">
        <input type="checkbox" checked={form.required} onChange={(e) => set({ required: e.target.checked })} />
        Required
      </label>
    </div>
  );
}

/** One row per value the attribute offers: a new value (empty keeps it) or cleared. */
function ValueMapping({ attribute, form, set }: { attribute: EditAttribute } & Pick<Props, 'form' | 'set'>) {
  const put = (from: string, to: string | null) => set({ mapping: { ...form.mapping, [from]: to } });
  return (
    <fieldset className="space-y-1.5 text-sm" aria-label="Value mapping">
      <legend className="mb-1 text-xs font-medium text-zinc-700">New value for each (empty keeps it)</legend>
      {splitOptions(attribute.optionsText).map((from) => {
        const cleared = form.mapping[from] === null;
        return (
          <div key={from} className="flex items-center gap-2">
            <span className="w-28 truncate font-mono text-xs text-zinc-700">{from}</span>
            <span aria-hidden>→</span>
            <div className="w-40">
              <Input
                compact
                aria-label={`New value for ${from}`}
                value={form.mapping[from] ?? ''}
                disabled={cleared}
                placeholder={cleared ? '(cleared)' : from}
                onChange={(e) => put(from, e.target.value)}
                maxLength={100}
              />
            </div>
            <label className="flex items-center gap-1 text-xs whitespace-nowrap text-zinc-600">
              <input type="checkbox" checked={cleared} onChange={(e) => put(from, e.target.checked ? null : '')} />
              Clear {from}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
