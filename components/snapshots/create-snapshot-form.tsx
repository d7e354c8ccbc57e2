'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { callApi, errorMessage, errorsByPath } from '@/lib/api/client';
import { createSnapshot } from '@/lib/api/operations/snapshots';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { Button } from '../ui/button';
import { Field, Input } from '../ui/field';
import { Notice } from '../ui/states';
import { EMPTY_FILTER_FIELDS, FILTER_ERROR_PATHS, filterBody, SnapshotFilterFields } from './snapshot-filter-fields';

/** The error paths shown beside a field. */
const SHOWN = new Set(['name', 'split.train', 'split.seed', ...FILTER_ERROR_PATHS]);

const SPLITS = [
  ['train', 'Train %'],
  ['val', 'Validation %'],
  ['test', 'Test %'],
] as const;

/** Name, which finished items (status, classes, kinds, import batches, finishing days), and the split; a snapshot is made at once and opened. */
export function CreateSnapshotForm({
  slug,
  classes,
  onCancel,
}: {
  slug: string;
  classes: readonly TTaxonomyClass[];
  onCancel: () => void;
}) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [status, setStatus] = useState<'accepted' | 'done'>('accepted');
  const [classIds, setClassIds] = useState<string[]>([]);
  const [filter, setFilter] = useState(EMPTY_FILTER_FIELDS);
  const [percent, setPercent] = useState({ train: 80, val: 10, test: 10 });
  const [seed, setSeed] = useState('loupe');
  const [stratified, setStratified] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const total = percent.train + percent.val + percent.test;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setFailure(null);
    try {
      const split = { train: percent.train / 100, val: percent.val / 100, test: percent.test / 100, seed, stratified };
      const made = await callApi(createSnapshot, {
        params: { projectId: slug },
        body: { name, filter: { status, classIds, ...filterBody(filter) }, split },
      });
      router.push(`/projects/${slug}/snapshots/${made.version}`);
    } catch (error) {
      const byField = errorsByPath(error);
      setErrors(byField);
      // A problem the form shows beside its field needs no second message.
      setFailure(Object.keys(byField).some((path) => SHOWN.has(path)) ? null : errorMessage(error));
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 shadow-xs"
      aria-label="New snapshot"
    >
      <Field label="Name" error={errors.name} hint="What this version is for, e.g. “Detector training, December”.">
        <Input value={name} onChange={(e) => setName(e.target.value)} invalid={!!errors.name} maxLength={120} autoFocus />
      </Field>
      <fieldset className="space-y-1">
        <legend className="text-xs font-medium text-zinc-700">Items</legend>
        {(
          [
            ['accepted', 'Accepted by a reviewer or decided by an expert'],
            ['done', 'Every finished item (also those no reviewer saw)'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2 text-sm text-zinc-700">
            <input type="radio" name="status" checked={status === value} onChange={() => setStatus(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      {classes.length > 0 && (
        <fieldset className="space-y-1">
          <legend className="text-xs font-medium text-zinc-700">
            Only items with one of these classes (none ticked: every item)
          </legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {classes.map((c) => (
              <label key={c.id} className="flex items-center gap-1.5 text-sm text-zinc-700">
                <input
                  type="checkbox"
                  checked={classIds.includes(c.id)}
                  onChange={(e) => setClassIds((ids) => (e.target.checked ? [...ids, c.id] : ids.filter((id) => id !== c.id)))}
                />
                <span className="size-2.5 rounded-sm" style={{ background: c.color }} aria-hidden />
                {c.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <SnapshotFilterFields slug={slug} value={filter} onChange={setFilter} errors={errors} />
      <div className="grid gap-3 sm:grid-cols-5">
        {SPLITS.map(([key, label]) => (
          <Field key={key} label={label} error={key === 'train' ? errors['split.train'] : undefined}>
            <Input
              type="number"
              min={0}
              max={100}
              value={percent[key]}
              onChange={(e) => setPercent((p) => ({ ...p, [key]: Number(e.target.value) }))}
            />
          </Field>
        ))}
        <Field label="Seed" hint="Same seed, same split." error={errors['split.seed']}>
          <Input value={seed} onChange={(e) => setSeed(e.target.value)} maxLength={64} />
        </Field>
        <label className="flex items-center gap-2 pt-5 text-sm text-zinc-700">
          <input type="checkbox" checked={stratified} onChange={(e) => setStratified(e.target.checked)} />
          Stratify by class
        </label>
      </div>
      {total !== 100 && <p className="text-xs text-amber-700">The split adds up to {total} %, not 100 %.</p>}
      {failure && <Notice tone="error">{failure}</Notice>}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" pending={pending} disabled={total !== 100}>
          Make snapshot
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
