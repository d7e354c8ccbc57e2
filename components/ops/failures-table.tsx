'use client';

import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { callApi, type ApiError } from '@/lib/api/client';
import { discardJobFailure, getQueueStats, listJobFailures, retryJobFailure } from '@/lib/api/operations/ops';
import { QUEUE_NAMES, type TJobFailure, type TQueueName } from '@/lib/schemas/ops';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { ConfirmButton } from '../ui/confirm-button';
import { Select } from '../ui/field';
import { formatDateTime, formatRelative } from '../ui/format';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { Table, Td } from '../ui/table';

/** The dead-letter table: jobs that failed for good, newest first, with retry and discard. */
export function FailuresTable() {
  const queryClient = useQueryClient();
  const [queue, setQueue] = useState<TQueueName | ''>('');
  const failures = useInfiniteQuery<{ items: TJobFailure[]; nextCursor: string | null }, ApiError>({
    queryKey: [listJobFailures.id, queue],
    queryFn: ({ pageParam, signal }) =>
      callApi(
        listJobFailures,
        { query: { queue: queue || undefined, limit: 50, cursor: (pageParam as string | null) ?? undefined } },
        { signal },
      ),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: 5000,
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [listJobFailures.id] }),
      queryClient.invalidateQueries({ queryKey: [getQueueStats.id] }),
    ]);
  const items = failures.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-3">
      <div className="w-44">
        <Select aria-label="Filter by queue" value={queue} onChange={(e) => setQueue(e.target.value as TQueueName | '')}>
          <option value="">All queues</option>
          {QUEUE_NAMES.map((q) => (
            <option key={q} value={q}>
              {q}
            </option>
          ))}
        </Select>
      </div>
      {failures.isPending ? (
        <LoadingState label="Loading failures…" />
      ) : failures.isError ? (
        <ErrorState error={failures.error} onRetry={() => void failures.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No failed jobs">Jobs that fail after all their attempts show up here.</EmptyState>
      ) : (
        <Table head={['Queue', 'Job', 'Reason', 'Attempts', 'Failed', '']} label="Failed jobs">
          {items.map((f) => (
            <FailureRow key={f.id} failure={f} onChange={refresh} />
          ))}
        </Table>
      )}
      {failures.hasNextPage && (
        <Button size="sm" onClick={() => void failures.fetchNextPage()} pending={failures.isFetchingNextPage}>
          Load older
        </Button>
      )}
    </div>
  );
}

function FailureRow({ failure: f, onChange }: { failure: TJobFailure; onChange: () => Promise<unknown> }) {
  const done = f.retriedAt
    ? `retried ${formatRelative(f.retriedAt)}`
    : f.discardedAt
      ? `discarded ${formatRelative(f.discardedAt)}`
      : null;
  return (
    <tr className="align-top" data-testid={`failure-${f.id}`}>
      <Td className="font-mono text-xs">{f.queue}</Td>
      <Td>
        <span className="font-medium text-zinc-900">{f.jobName}</span>
        <span className="block max-w-48 truncate font-mono text-[10px] text-zinc-400" title={f.jobId}>
          {f.jobId}
        </span>
      </Td>
      <Td className="max-w-md">
        <span className="line-clamp-2 text-xs break-words text-zinc-700" title={f.reason}>
          {f.reason}
        </span>
      </Td>
      <Td className="tabular-nums">{f.attemptsMade}</Td>
      <Td className="whitespace-nowrap text-zinc-500">
        <span title={formatDateTime(f.failedAt)}>{formatRelative(f.failedAt)}</span>
      </Td>
      <Td className="text-right whitespace-nowrap">
        {done ? (
          <Badge>{done}</Badge>
        ) : (
          <span className="inline-flex gap-1.5">
            <ConfirmButton
              variant="primary"
              title="Retry this job?"
              body={`${f.jobName} is enqueued again on ${f.queue} with the same payload.`}
              confirmLabel="Retry"
              onConfirm={async () => {
                await callApi(retryJobFailure, { params: { failureId: f.id } });
                await onChange();
              }}
            >
              Retry
            </ConfirmButton>
            <ConfirmButton
              title="Discard this failure?"
              body="It leaves the list of open failures; the record stays for the audit trail."
              confirmLabel="Discard"
              onConfirm={async () => {
                await callApi(discardJobFailure, { params: { failureId: f.id } });
                await onChange();
              }}
            >
              Discard
            </ConfirmButton>
          </span>
        )}
      </Td>
    </tr>
  );
}
