'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { listMigrationDecisions, listTaxonomyMigrations } from '@/lib/api/operations/taxonomy';
import type { TTaxonomyMigration } from '@/lib/schemas/taxonomy-migration';
import { formatRelative } from '../ui/format';
import { ErrorState, Notice } from '../ui/states';
import { useApiQuery } from '../use-api';

const POLL_MS = 1000;
const running = (m: TTaxonomyMigration) => m.status === 'QUEUED' || m.status === 'RUNNING';

/** The latest migration of labels between versions: a progress bar while it runs (polled), then its outcome. */
export function MigrationProgress({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const migrations = useApiQuery(
    listTaxonomyMigrations,
    { params: { projectId: slug } },
    { refetchInterval: (query) => (query.state.data?.some(running) ? POLL_MS : false) },
  );
  const latest = migrations.data?.[0];
  const seen = useRef<string | null>(null);
  // When labels finish moving, the re-review queue has its final items. A small migration can be done
  // before the first poll sees it running: any change of the latest migration that ends settled counts.
  useEffect(() => {
    const state = latest ? `${latest.id}:${latest.status}` : '';
    if (seen.current !== null && seen.current !== state && latest && !running(latest))
      void queryClient.invalidateQueries({ queryKey: [listMigrationDecisions.id] });
    seen.current = state;
  }, [latest, queryClient]);

  if (migrations.isError) return <ErrorState error={migrations.error} title="Could not load the label migration" />;
  if (!latest) return null;
  const share = latest.total === 0 ? 1 : latest.done / latest.total;
  const label = `Labels from version ${latest.fromVersion} to ${latest.toVersion}`;
  if (latest.status === 'FAILED') {
    return (
      <Notice tone="error">
        {label}: stopped at {latest.done.toLocaleString('en')} of {latest.total.toLocaleString('en')} ({latest.failureReason}).
        Retry it from the stage dashboard; it resumes where it stopped.
      </Notice>
    );
  }
  return (
    <div className="rounded-lg border border-zinc-200 bg-white px-4 py-3 shadow-xs" data-testid="migration-progress">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span className="font-medium text-zinc-800">{label}</span>
        <span className="text-zinc-600 tabular-nums">
          {running(latest)
            ? `${latest.done.toLocaleString('en')} of ${latest.total.toLocaleString('en')} moved`
            : `done ${formatRelative(latest.appliedAt)}: ${latest.done.toLocaleString('en')} moved`}
          {latest.decisions > 0 && ` · ${latest.decisions.toLocaleString('en')} waiting for a decision`}
        </span>
      </div>
      <div
        className="mt-2 h-2 overflow-hidden rounded-full bg-zinc-100"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={latest.total}
        aria-valuenow={latest.done}
      >
        <div
          className={`h-full rounded-full ${running(latest) ? 'bg-accent-500' : 'bg-emerald-500'}`}
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </div>
    </div>
  );
}
