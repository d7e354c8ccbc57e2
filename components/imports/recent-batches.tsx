'use client';

import Link from 'next/link';
import { Fragment, useState } from 'react';
import { listImports } from '@/lib/api/operations/imports';
import { Button } from '../ui/button';
import { formatRelative } from '../ui/format';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { Table, Td } from '../ui/table';
import { useApiQuery } from '../use-api';
import { BatchItems } from './batch-items';

/** Recent import batches with what became of their files; a row opens to list them. */
export function RecentBatches({ slug }: { slug: string }) {
  const [open, setOpen] = useState<string | null>(null);
  const batches = useApiQuery(
    listImports,
    { params: { projectId: slug } },
    {
      refetchInterval: (query) =>
        query.state.data?.batches.some((b) => b.items.pending + b.stages.RAW + b.stages.STAGED > 0) ? 3000 : false,
    },
  );
  if (batches.isPending) return <LoadingState label="Loading batches…" />;
  if (batches.isError) return <ErrorState error={batches.error} onRetry={() => void batches.refetch()} />;
  if (batches.data.batches.length === 0) return <EmptyState title="No imports yet" />;

  return (
    <Table head={['Started', 'Source', 'Label', 'By', 'Files', 'Assets', '']} label="Import batches">
      {batches.data.batches.map((b) => (
        <Fragment key={b.id}>
          <tr data-testid="import-batch">
            <Td className="text-xs whitespace-nowrap text-zinc-600">{formatRelative(b.createdAt)}</Td>
            <Td className="text-xs">{b.source.toLowerCase()}</Td>
            <Td className="max-w-56 truncate text-xs">{b.label || '—'}</Td>
            <Td className="text-xs text-zinc-600">{b.createdBy ?? '—'}</Td>
            <Td className="text-xs whitespace-nowrap tabular-nums">
              {b.items.accepted} new · {b.items.duplicate} dup · {b.items.rejected} rejected
              {b.items.pending > 0 && ` · ${b.items.pending} pending`}
            </Td>
            <Td className="text-xs whitespace-nowrap tabular-nums">
              <Link className="text-accent-700 hover:underline" href={`/projects/${slug}/assets?batchId=${b.id}`}>
                {b.stages.READY} ready
              </Link>
              {b.stages.RAW + b.stages.STAGED > 0 && ` · ${b.stages.RAW + b.stages.STAGED} processing`}
              {b.stages.QUARANTINED > 0 && (
                <Link
                  className="text-red-700 hover:underline"
                  href={`/projects/${slug}/assets?batchId=${b.id}&stage=QUARANTINED`}
                >
                  {' '}
                  · {b.stages.QUARANTINED} quarantined
                </Link>
              )}
            </Td>
            <Td>
              <Button
                size="sm"
                variant="ghost"
                aria-expanded={open === b.id}
                onClick={() => setOpen(open === b.id ? null : b.id)}
              >
                {open === b.id ? 'Hide files' : 'Files'}
              </Button>
            </Td>
          </tr>
          {open === b.id && (
            <tr>
              <td colSpan={7} className="bg-zinc-50 px-3 py-3">
                <BatchItems slug={slug} batchId={b.id} />
              </td>
            </tr>
          )}
        </Fragment>
      ))}
    </Table>
  );
}
