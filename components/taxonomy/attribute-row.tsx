'use client';

import { ATTRIBUTE_TYPES } from '@/lib/schemas/taxonomy';
import { Button } from '../ui/button';
import { FieldError, Input, Select } from '../ui/field';
import type { AttributeType, EditAttribute } from './editor-model';

interface AttributeRowProps {
  attribute: EditAttribute;
  /** Error path prefix, e.g. `classes.2.attributes.0`. */
  path: string;
  errors: Record<string, string>;
  onChange: (patch: Partial<EditAttribute>) => void;
  onRemove: () => void;
}

export function AttributeRow({ attribute: a, path, errors, onChange, onRemove }: AttributeRowProps) {
  const err = (field: string) => errors[`${path}.${field}`];
  return (
    <div
      className="grid grid-cols-[minmax(9rem,1fr)_7rem_5.5rem_minmax(10rem,1.6fr)_auto] items-start gap-2 py-2"
      data-testid={`attribute-${a.id}`}
    >
      <div>
        <Input
          aria-label="Attribute name"
          value={a.name}
          onChange={(e) => onChange({ name: e.target.value })}
          invalid={Boolean(err('name'))}
          compact
        />
        <span className="mt-0.5 block font-mono text-[10px] text-zinc-400" title="Stable id: never changes">
          id: {a.id}
        </span>
        <FieldError message={err('name') ?? err('id')} />
      </div>
      <Select
        aria-label="Attribute type"
        value={a.type}
        onChange={(e) => onChange({ type: e.target.value as AttributeType })}
        compact
      >
        {ATTRIBUTE_TYPES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </Select>
      <label className="flex h-7 items-center gap-1.5 text-xs text-zinc-700">
        <input
          type="checkbox"
          checked={a.required}
          onChange={(e) => onChange({ required: e.target.checked })}
          className="accent-accent-600"
        />
        required
      </label>
      <div>
        {a.type === 'enum' && (
          <Input
            aria-label="Options"
            value={a.optionsText}
            onChange={(e) => onChange({ optionsText: e.target.value })}
            placeholder="options, comma, separated"
            invalid={Boolean(err('options'))}
            compact
          />
        )}
        {a.type === 'number' && (
          <div className="flex gap-2">
            <Input
              aria-label="Minimum"
              inputMode="decimal"
              value={a.min}
              onChange={(e) => onChange({ min: e.target.value })}
              placeholder="min"
              invalid={Boolean(err('min'))}
              compact
            />
            <Input
              aria-label="Maximum"
              inputMode="decimal"
              value={a.max}
              onChange={(e) => onChange({ max: e.target.value })}
              placeholder="max"
              invalid={Boolean(err('max'))}
              compact
            />
          </div>
        )}
        {(a.type === 'boolean' || a.type === 'text') && <span className="block pt-1.5 text-xs text-zinc-400">no settings</span>}
        <FieldError message={err('options') ?? err('min') ?? err('max')} />
      </div>
      <Button size="sm" variant="ghost" onClick={onRemove} aria-label={`Remove attribute ${a.name}`}>
        ✕
      </Button>
    </div>
  );
}
