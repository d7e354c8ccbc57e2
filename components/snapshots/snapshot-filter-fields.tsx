'use client';

import { listImports } from '@/lib/api/operations/imports';
import type { TSnapshotFilter } from '@/lib/schemas/snapshot';
import { formatDate } from '../ui/format';
import { Field, FieldError, Input } from '../ui/field';
import { useApiQuery } from '../use-api';

export type FilterFields = Pick<TSnapshotFilter, 'kinds' | 'importBatchIds'> & { doneFrom: string; doneBefore: string };

export const EMPTY_FILTER_FIELDS: FilterFields = { kinds: [], importBatchIds: [], doneFrom: '', doneBefore: '' };

/** The error paths these fields show beside themselves. */
export const FILTER_ERROR_PATHS = ['filter.kinds', 'filter.importBatchIds', 'filter.doneFrom', 'filter.doneBefore'];

const KINDS = [
  ['IMAGE', 'Images'],
  ['AUDIO', 'Audio'],
  ['VIDEO', 'Video'],
] as const;

const DAYS = [
  ['doneFrom', 'Finished from', 'That day included (UTC)'],
  ['doneBefore', 'Finished before', 'That day left out'],
] as const;

const toggle = <T,>(list: readonly T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));

/** Which media kinds, which import batches and which finishing days a snapshot takes (none ticked: all). */
export function SnapshotFilterFields({
  slug,
  value,
  onChange,
  errors,
}: {
  slug: string;
  value: FilterFields;
  onChange: (next: FilterFields) => void;
  errors: Record<string, string>;
}) {
  const batches = useApiQuery(listImports, { params: { projectId: slug } });
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <fieldset className="space-y-1">
        <legend className="text-xs font-medium text-zinc-700">Kinds (none ticked: every kind)</legend>
        {KINDS.map(([kind, label]) => (
          <label key={kind} className="flex items-center gap-2 text-sm text-zinc-700">
            <input
              type="checkbox"
              checked={value.kinds.includes(kind)}
              onChange={(e) => onChange({ ...value, kinds: toggle(value.kinds, kind, e.target.checked) })}
            />
            {label}
          </label>
        ))}
        <FieldError message={errors['filter.kinds']} />
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-xs font-medium text-zinc-700">Import batches (none ticked: every batch)</legend>
        <div className="max-h-28 space-y-1 overflow-y-auto" aria-label="Import batches">
          {batches.data?.batches.length === 0 && <p className="text-xs text-zinc-500">No imports yet.</p>}
          {batches.isError && <p className="text-xs text-red-600">The import batches could not be loaded.</p>}
          {batches.data?.batches.map((b) => (
            <label key={b.id} className="flex items-center gap-2 text-sm text-zinc-700">
              <input
                type="checkbox"
                checked={value.importBatchIds.includes(b.id)}
                onChange={(e) => onChange({ ...value, importBatchIds: toggle(value.importBatchIds, b.id, e.target.checked) })}
              />
              <span className="truncate">{b.label || `${b.source.toLowerCase()} import`}</span>
              <span className="text-xs text-zinc-400">{formatDate(b.createdAt)}</span>
            </label>
          ))}
        </div>
        <FieldError message={errors['filter.importBatchIds']} />
      </fieldset>
      <div className="grid grid-cols-2 gap-2">
        {DAYS.map(([key, label, hint]) => (
          <Field key={key} label={label} hint={hint} error={errors[`filter.${key}`]}>
            <Input
              type="date"
              value={value[key]}
              invalid={!!errors[`filter.${key}`]}
              onChange={(e) => onChange({ ...value, [key]: e.target.value })}
            />
          </Field>
        ))}
      </div>
    </div>
  );
}

/** The API's filter fields from the form's (an empty date is no bound). */
export function filterBody(fields: FilterFields) {
  return {
    kinds: fields.kinds,
    importBatchIds: fields.importBatchIds,
    doneFrom: fields.doneFrom || undefined,
    doneBefore: fields.doneBefore || undefined,
  };
}
