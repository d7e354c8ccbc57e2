'use client';

import { useState } from 'react';
import { diffSnapshots, listSnapshots } from '@/lib/api/operations/snapshots';
import type { TSnapshotView } from '@/lib/schemas/snapshot';
import { Field, Select } from '../ui/field';
import { ErrorState, LoadingState } from '../ui/states';
import { Table, Td } from '../ui/table';
import { useApiQuery } from '../use-api';

/** This snapshot against another version: what was added, removed, relabeled, and labels per class. */
export function SnapshotDiff({ slug, snapshot }: { slug: string; snapshot: TSnapshotView }) {
  const list = useApiQuery(listSnapshots, { params: { projectId: slug } });
  const others = (list.data?.snapshots ?? []).filter((s) => s.version !== snapshot.version);
  const [against, setAgainst] = useState<number | null>(null);
  const chosen = against ?? others.find((s) => s.version < snapshot.version)?.version ?? others[0]?.version ?? null;
  const diff = useApiQuery(
    diffSnapshots,
    { params: { projectId: slug, version: snapshot.version }, query: { against: chosen ?? 0 } },
    { enabled: chosen !== null },
  );
  if (list.isPending) return <LoadingState label="Loading versions…" />;
  if (others.length === 0)
    return <p className="text-sm text-zinc-500">This is the only version so far: there is nothing to compare it with.</p>;
  const names = new Map(snapshot.classes.map((c) => [c.id, c.name]));
  return (
    <div className="space-y-3">
      <Field label="Compared with" className="w-72">
        <Select value={chosen ?? ''} onChange={(e) => setAgainst(Number(e.target.value))}>
          {others.map((s) => (
            <option key={s.version} value={s.version}>
              v{s.version} · {s.name}
            </option>
          ))}
        </Select>
      </Field>
      {diff.isPending ? (
        <LoadingState label="Comparing…" />
      ) : diff.isError ? (
        <ErrorState error={diff.error} onRetry={() => void diff.refetch()} />
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="snapshot-diff">
            {(
              [
                ['Added', diff.data.added, 'text-emerald-700'],
                ['Removed', diff.data.removed, 'text-red-700'],
                ['Relabeled', diff.data.relabeled, 'text-amber-700'],
                ['Other split', diff.data.movedSplit, 'text-zinc-700'],
                ['Unchanged', diff.data.unchanged, 'text-zinc-500'],
              ] as const
            ).map(([label, value, tone]) => (
              <div key={label} className="rounded-md border border-zinc-200 bg-white px-3 py-2">
                <dt className="text-xs text-zinc-500">{label}</dt>
                <dd className={`text-lg font-semibold tabular-nums ${tone}`}>{value.toLocaleString()}</dd>
              </div>
            ))}
          </dl>
          <Table head={['Class', `v${diff.data.from}`, `v${diff.data.to}`, 'Change']} label="Labels per class in both versions">
            {diff.data.perClass.map((c) => (
              <tr key={c.classId}>
                <Td>{names.get(c.classId) ?? c.classId}</Td>
                <Td className="tabular-nums">{c.from.toLocaleString()}</Td>
                <Td className="tabular-nums">{c.to.toLocaleString()}</Td>
                <Td
                  className={`tabular-nums ${c.to > c.from ? 'text-emerald-700' : c.to < c.from ? 'text-red-700' : 'text-zinc-400'}`}
                >
                  {c.to === c.from ? '—' : `${c.to > c.from ? '+' : ''}${(c.to - c.from).toLocaleString()}`}
                </Td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </div>
  );
}
