'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { callApi } from '@/lib/api/client';
import { listMigrationDecisions, listTaxonomyMigrations, resolveMigrationDecision } from '@/lib/api/operations/taxonomy';
import type { TMigrationDecision } from '@/lib/schemas/taxonomy-migration';
import { Button } from '../ui/button';
import { Input, Select } from '../ui/field';
import { ErrorState, LoadingState, Notice } from '../ui/states';
import { useApiQuery } from '../use-api';

const SHOWN_AT_FIRST = 5;

/**
 * The re-review queue: annotations a migration could not settle (a split region's class, an attribute
 * added without a default). A lead answers each region here; the label keeps its provisional class
 * until then.
 */
export function MigrationDecisions({ slug, nameOf }: { slug: string; nameOf: (classId: string) => string }) {
  const queue = useApiQuery(listMigrationDecisions, { params: { projectId: slug } });
  // A big migration leaves hundreds: a few at a time keep the editor below within reach.
  const [shown, setShown] = useState(SHOWN_AT_FIRST);
  if (queue.isPending) return <LoadingState label="Loading the re-review queue…" />;
  if (queue.isError)
    return <ErrorState error={queue.error} title="Could not load the re-review queue" onRetry={() => void queue.refetch()} />;
  if (queue.data.total === 0) return null;
  return (
    <section className="space-y-2" aria-label="Re-review after migration">
      <h2 className="text-sm font-semibold text-zinc-900">
        Re-review after migration{' '}
        <span className="font-normal text-zinc-500">· {queue.data.total.toLocaleString('en')} waiting</span>
      </h2>
      <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white shadow-xs">
        {queue.data.items.slice(0, shown).map((item) => (
          <DecisionRow key={item.id} slug={slug} item={item} nameOf={nameOf} />
        ))}
      </ul>
      {queue.data.items.length > shown ? (
        <Button size="sm" variant="ghost" onClick={() => setShown((n) => n + SHOWN_AT_FIRST * 2)}>
          Show more
        </Button>
      ) : (
        queue.data.total > queue.data.items.length && (
          <p className="text-xs text-zinc-500">
            The oldest {queue.data.items.length} are listed; the rest appear as these are decided.
          </p>
        )
      )}
    </section>
  );
}

function DecisionRow({ slug, item, nameOf }: { slug: string; item: TMigrationDecision; nameOf: (classId: string) => string }) {
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<string, string>>(() =>
    Object.fromEntries(item.pending.map((p) => [`${p.regionId}:${p.field}`, p.reason === 'split' ? p.choices[0]! : ''])),
  );
  const resolve = useMutation({
    mutationFn: () =>
      callApi(resolveMigrationDecision, {
        params: { projectId: slug, decisionId: item.id },
        body: { regions: regionAnswers(item, answers) },
      }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [listMigrationDecisions.id] }),
        queryClient.invalidateQueries({ queryKey: [listTaxonomyMigrations.id] }),
      ]),
  });
  return (
    <li className="space-y-2 px-4 py-3 text-sm">
      <div className="flex flex-wrap items-baseline gap-2">
        <Link href={`/projects/${slug}/tasks/${item.taskId}`} className="font-medium text-accent-700 hover:underline">
          {item.assetName}
        </Link>
        <span className="text-xs text-zinc-500">version {item.toVersion}</span>
      </div>
      {item.pending.map((p) => {
        const key = `${p.regionId}:${p.field}`;
        const set = (value: string) => setAnswers((all) => ({ ...all, [key]: value }));
        return (
          <label key={key} className="flex flex-wrap items-center gap-2 text-xs text-zinc-700">
            <span>
              Region {p.regionId}: {p.reason === 'split' ? 'which class?' : `value of ${p.field.replace('attributes.', '')}?`}
            </span>
            {p.reason === 'split' ? (
              <Select compact className="max-w-48" value={answers[key]} onChange={(e) => set(e.target.value)}>
                {p.choices.map((c) => (
                  <option key={c} value={c}>
                    {nameOf(c)}
                  </option>
                ))}
              </Select>
            ) : (
              <Input compact className="max-w-48" value={answers[key]} onChange={(e) => set(e.target.value)} />
            )}
          </label>
        );
      })}
      <div className="flex items-center gap-2">
        <Button size="sm" variant="primary" pending={resolve.isPending} onClick={() => resolve.mutate()}>
          Decide
        </Button>
        {resolve.isError && <Notice tone="error">{resolve.error.message}</Notice>}
      </div>
    </li>
  );
}

/** The answers as the API takes them: one entry per region, its class and any attribute values. */
function regionAnswers(item: TMigrationDecision, answers: Record<string, string>) {
  const byRegion = new Map<string, { regionId: string; classId?: string; attributes?: Record<string, string> }>();
  for (const p of item.pending) {
    const entry = byRegion.get(p.regionId) ?? { regionId: p.regionId };
    const value = answers[`${p.regionId}:${p.field}`] ?? '';
    if (p.reason === 'split') entry.classId = value;
    else if (value !== '') entry.attributes = { ...entry.attributes, [p.field.replace('attributes.', '')]: value };
    byRegion.set(p.regionId, entry);
  }
  return [...byRegion.values()];
}
