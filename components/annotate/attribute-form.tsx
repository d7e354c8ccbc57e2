'use client';

import { useEffect, useId, useRef, useState, type JSX, type KeyboardEvent, type ReactNode } from 'react';
import type { EditorRegion } from '@/lib/annotate/patch';
import { labelableClasses } from '@/lib/annotate/labelable-classes';
import { MAX_TEXT_ATTRIBUTE } from '@/lib/annotate/validate-regions';
import type { TAttribute, TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { Input, Select } from '@/components/ui/field';
import { DeprecatedBadge } from './deprecated-badge';

type Value = string | number | boolean | null;

export interface AttributeFormProps {
  classes: readonly TTaxonomyClass[];
  /** The selected regions (0, 1 or many). */
  regions: readonly EditorRegion[];
  readOnly: boolean;
  onSetClass: (classId: string) => void;
  /** value null = unset. Called on every keystroke for text/number; the editor groups calls between onEditStart and onEditEnd into one undo step. */
  onSetAttribute: (attributeId: string, value: Value) => void;
  /** Focus of a text/number input. */
  onEditStart: () => void;
  /** Blur / Enter / Escape of a text/number input. */
  onEditEnd: () => void;
  problems: ReadonlyMap<string, string[]>;
}

/** The class select's value while the selection has several classes (never a class id). */
const MIXED = ':mixed';
const NUMBER = new Intl.NumberFormat('en');
const MAX_PROBLEMS = 10;

/**
 * The class and attributes of the selected regions. With several selected, a change applies to all
 * of them, and a value they do not share shows as "Mixed". Locked regions are shown but not edited.
 */
export function AttributeForm({
  classes,
  regions,
  readOnly,
  onSetClass,
  onSetAttribute,
  onEditStart,
  onEditEnd,
  problems,
}: AttributeFormProps): JSX.Element {
  const formId = useId();
  if (regions.length === 0) {
    return (
      <section data-testid="attribute-form">
        <p className="text-xs text-zinc-500">Select a region to edit its class and attributes.</p>
      </section>
    );
  }

  const classIds = new Set(regions.map((r) => r.classId));
  const sharedClassId = classIds.size === 1 ? regions[0]!.classId : null;
  const sharedClass = classes.find((c) => c.id === sharedClassId);
  const types = [...new Set(regions.map((r) => r.type))];
  // A box cannot become a class that only labels whole images, and so on; nothing becomes a deprecated class.
  const allowed = labelableClasses(classes).filter((c) => types.every((t) => c.geometries.includes(t)));
  const locked = regions.filter((r) => r.locked).length;
  const disabled = readOnly || locked === regions.length;
  // A different selection is a different form: a draft being typed does not carry over to it.
  const selectionKey = regions.map((r) => r.id).join(' ');

  return (
    <section className="space-y-2" data-testid="attribute-form">
      <div className="flex items-center gap-2">
        <h3 className="text-sm font-semibold whitespace-nowrap text-zinc-900">
          {regions.length === 1 ? '1 region' : `${NUMBER.format(regions.length)} regions`}
        </h3>
        <DeprecatedBadge deprecated={sharedClass?.deprecated} />
        <div className="ml-auto w-44">
          <Select
            compact
            aria-label="Class"
            value={sharedClassId ?? MIXED}
            disabled={disabled}
            onChange={(e) => e.target.value !== MIXED && onSetClass(e.target.value)}
            onKeyDown={blurOnEscape}
          >
            {sharedClassId === null && (
              <option value={MIXED} disabled>
                Mixed
              </option>
            )}
            {sharedClassId !== null && !allowed.some((c) => c.id === sharedClassId) && (
              <option value={sharedClassId} disabled>
                {sharedClass?.name ?? 'Unknown class'}
              </option>
            )}
            {allowed.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </Select>
        </div>
      </div>
      {allowed.length === 0 && <p className="text-xs text-zinc-500">No class allows this mix of shapes.</p>}
      {locked > 0 && (
        <p className="text-xs text-zinc-500">
          {locked === regions.length
            ? `Locked: unlock ${regions.length === 1 ? 'it' : 'them'} to edit.`
            : `${NUMBER.format(locked)} locked ${locked === 1 ? 'region is' : 'regions are'} left alone.`}
        </p>
      )}
      {sharedClassId === null ? (
        <p className="text-xs text-zinc-500">Pick one class to edit attributes.</p>
      ) : !sharedClass ? (
        <p className="text-xs text-red-700">This class is not in the taxonomy: pick another one.</p>
      ) : sharedClass.attributes.length === 0 ? (
        <p className="text-xs text-zinc-500">{sharedClass.name} has no attributes.</p>
      ) : (
        <div className="space-y-2" key={selectionKey}>
          {sharedClass.attributes.map((attr) => (
            <AttributeField
              key={attr.id}
              id={`${formId}-${attr.id}`}
              attr={attr}
              regions={regions}
              disabled={disabled}
              onChange={(value) => onSetAttribute(attr.id, value)}
              onEditStart={onEditStart}
              onEditEnd={onEditEnd}
            />
          ))}
        </div>
      )}
      <ProblemList regions={regions} problems={problems} />
    </section>
  );
}

interface FieldProps {
  id: string;
  attr: TAttribute;
  regions: readonly EditorRegion[];
  disabled: boolean;
  onChange: (value: Value) => void;
  onEditStart: () => void;
  onEditEnd: () => void;
}

function AttributeField({ id, attr, regions, disabled, onChange, onEditStart, onEditEnd }: FieldProps) {
  const values = regions.map((r) => r.attributes[attr.id] ?? null);
  const value = values[0] ?? null;
  const mixed = values.some((v) => v !== value);
  const label = <AttributeLabel htmlFor={id} attr={attr} />;

  if (attr.type === 'boolean') {
    return (
      <div className="flex items-center gap-2">
        <Checkbox
          id={id}
          checked={!mixed && value === true}
          indeterminate={mixed}
          disabled={disabled}
          required={attr.required}
          onChange={onChange}
        />
        {label}
      </div>
    );
  }

  let control: ReactNode;
  if (attr.type === 'enum') {
    const options = attr.options ?? [];
    const stale = typeof value === 'string' && !mixed && !options.includes(value);
    control = (
      <Select
        compact
        id={id}
        value={mixed ? MIXED : typeof value === 'string' ? value : ''}
        disabled={disabled}
        required={attr.required}
        onChange={(e) => e.target.value !== MIXED && onChange(e.target.value === '' ? null : e.target.value)}
        onKeyDown={blurOnEscape}
      >
        {mixed && (
          <option value={MIXED} disabled>
            Mixed
          </option>
        )}
        <option value="">—</option>
        {stale && (
          <option value={String(value)} disabled>
            {value} (not an option)
          </option>
        )}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    );
  } else {
    control = (
      <DraftInput
        id={id}
        attr={attr}
        value={mixed || value === null ? '' : String(value)}
        mixed={mixed}
        disabled={disabled}
        onChange={onChange}
        onEditStart={onEditStart}
        onEditEnd={onEditEnd}
      />
    );
  }
  return (
    <div className="space-y-1">
      {label}
      {control}
    </div>
  );
}

function AttributeLabel({ htmlFor, attr }: { htmlFor: string; attr: TAttribute }) {
  return (
    <label htmlFor={htmlFor} className="block text-xs font-medium text-zinc-700">
      {attr.name}
      {attr.required && (
        <>
          <span className="ml-0.5 text-red-600" aria-hidden>
            *
          </span>
          <span className="sr-only"> required</span>
        </>
      )}
    </label>
  );
}

function Checkbox({
  id,
  checked,
  indeterminate,
  disabled,
  required,
  onChange,
}: {
  id: string;
  checked: boolean;
  indeterminate: boolean;
  disabled: boolean;
  required: boolean;
  onChange: (value: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      id={id}
      type="checkbox"
      className="size-3.5 rounded border-zinc-300 accent-accent-600 disabled:cursor-not-allowed"
      checked={checked}
      disabled={disabled}
      aria-required={required || undefined}
      onChange={(e) => onChange(e.target.checked)}
    />
  );
}

/**
 * A text or number input that shows what is being typed while it has focus (a number input's "1."
 * or "-" is not a number yet) and reports every keystroke. Focus to blur is one edit: the editor
 * makes it one undo step. Enter and Escape leave the field, so the editor's keys work again.
 */
function DraftInput({
  id,
  attr,
  value,
  mixed,
  disabled,
  onChange,
  onEditStart,
  onEditEnd,
}: {
  id: string;
  attr: TAttribute;
  value: string;
  mixed: boolean;
  disabled: boolean;
  onChange: (value: Value) => void;
  onEditStart: () => void;
  onEditEnd: () => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const editing = useRef(false);
  const endEdit = useRef(onEditEnd);
  useEffect(() => {
    endEdit.current = onEditEnd;
  });
  // Unmounted mid-edit (the selection changed under the focused field): close the edit all the same.
  useEffect(
    () => () => {
      if (editing.current) endEdit.current();
    },
    [],
  );
  const isNumber = attr.type === 'number';

  return (
    <Input
      compact
      id={id}
      type={isNumber ? 'number' : 'text'}
      {...(isNumber
        ? { min: attr.min, max: attr.max, step: 'any', inputMode: 'decimal' as const }
        : { maxLength: MAX_TEXT_ATTRIBUTE })}
      value={draft ?? value}
      placeholder={mixed ? 'Mixed' : undefined}
      disabled={disabled}
      required={attr.required}
      onFocus={() => {
        if (editing.current) return;
        editing.current = true;
        setDraft(value);
        onEditStart();
      }}
      onBlur={() => {
        if (!editing.current) return;
        editing.current = false;
        setDraft(null);
        onEditEnd();
      }}
      onChange={(e) => {
        const raw = e.target.value;
        setDraft(raw);
        if (!isNumber) return onChange(raw === '' ? null : raw);
        // A number input reports "" for what is not a number yet ("1e", "-"): not a clear.
        if (e.target.validity.badInput) return;
        if (raw.trim() === '') return onChange(null);
        const n = Number(raw);
        if (!Number.isNaN(n)) onChange(n);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === 'Escape') {
          e.preventDefault();
          e.currentTarget.blur();
        }
      }}
    />
  );
}

function blurOnEscape(event: KeyboardEvent<HTMLSelectElement>) {
  if (event.key === 'Escape') event.currentTarget.blur();
}

/** The selection's problems, each message once (with how many regions have it when several do). */
function ProblemList({ regions, problems }: { regions: readonly EditorRegion[]; problems: ReadonlyMap<string, string[]> }) {
  if (problems.size === 0) return null;
  const counts = new Map<string, number>();
  for (const r of regions) for (const message of problems.get(r.id) ?? []) counts.set(message, (counts.get(message) ?? 0) + 1);
  if (counts.size === 0) return null;
  const shown = [...counts].slice(0, MAX_PROBLEMS);
  return (
    <ul className="space-y-0.5 text-xs text-red-700" aria-label="Problems" data-testid="attribute-problems">
      {shown.map(([message, count]) => (
        <li key={message}>
          {message}
          {count > 1 && <span className="text-red-600"> (× {NUMBER.format(count)})</span>}
        </li>
      ))}
      {counts.size > MAX_PROBLEMS && <li>and {NUMBER.format(counts.size - MAX_PROBLEMS)} more</li>}
    </ul>
  );
}
