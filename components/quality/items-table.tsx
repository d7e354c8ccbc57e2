'use client';

import Link from 'next/link';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { callApi } from '@/lib/api/client';
import { getQualityReport, listQualityItems, sendQualityItemsToReview } from '@/lib/api/operations/quality';
import { ReasonDialog, type ReasonRequest } from '../workflow/reason-dialog';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { EmptyState, ErrorState, LoadingState, Notice } from '../ui/states';
import { Table, Td } from '../ui/table';
import { useApiQuery } from '../use-api';
import { itemsQuery, type ItemFilter } from './item-filter';
import { formatShare, formatWeek } from './quality-format';

const WORST = 10;
const PAGE = 25;

/** The items behind the figure picked, least agreement first, to open or send to the experts. */
export function ItemsTable({ slug, filter, canManage }: { slug: string; filter: ItemFilter; canManage: boolean }) {
  const queryClient = useQueryClient();
  const [disagreeing, setDisagreeing] = useState(true);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [request, setRequest] = useState<ReasonRequest | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const items = useApiQuery(
    listQualityItems,
    { params: { projectId: slug }, query: itemsQuery(filter, disagreeing, limit) },
    { placeholderData: (previous) => previous },
  );
  const rows = items.data?.items ?? [];

  const toggle = (taskId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(taskId)) next.add(taskId);
      return next;
    });

  function askToSend() {
    const taskIds = [...selected];
    setRequest({
      title: `Send ${taskIds.length} item${taskIds.length === 1 ? '' : 's'} to the experts`,
      description: 'They go to the adjudication pass, where an expert picks or corrects one annotation. Say what to look at.',
      confirmLabel: 'Send to experts',
      onConfirm: async (reason) => {
        const result = await callApi(sendQualityItemsToReview, { params: { projectId: slug }, body: { taskIds, reason } });
        setSelected(new Set());
        setOutcome(
          `${result.escalated} sent to the experts.` +
            (result.skipped.length > 0 ? ` ${result.skipped.length} left as they were: ${result.skipped[0]!.reason}.` : ''),
        );
        await queryClient.invalidateQueries({ queryKey: [listQualityItems.id] });
        await queryClient.invalidateQueries({ queryKey: [getQualityReport.id] });
      },
    });
  }

  return (
    <div className="space-y-2" data-testid="quality-items">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-1.5 text-zinc-600">
          <input type="checkbox" checked={disagreeing} onChange={(e) => setDisagreeing(e.target.checked)} />
          Only items with a disagreement
        </label>
        {items.data && (
          <span className="text-zinc-500">
            {items.data.total} item{items.data.total === 1 ? '' : 's'}
            {items.data.total > rows.length && `, the ${rows.length} with least agreement shown`}
          </span>
        )}
        {canManage && rows.length > 0 && (
          <span className="ml-auto flex gap-2">
            <Button
              size="sm"
              onClick={() =>
                setSelected(
                  new Set(
                    rows
                      .filter((r) => !r.inAdjudication)
                      .slice(0, WORST)
                      .map((r) => r.taskId),
                  ),
                )
              }
            >
              Select the {WORST} worst
            </Button>
            <Button size="sm" variant="primary" disabled={selected.size === 0} onClick={askToSend}>
              Send {selected.size || ''} to experts
            </Button>
          </span>
        )}
      </div>
      {outcome && <Notice tone="success">{outcome}</Notice>}
      {items.isPending ? (
        <LoadingState label="Loading items…" />
      ) : items.isError ? (
        <ErrorState error={items.error} onRetry={() => void items.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No items match">
          {disagreeing
            ? 'Every compared item here was labeled the same by its annotators.'
            : 'Nothing was compared for this filter.'}
        </EmptyState>
      ) : (
        <Table
          head={[
            canManage ? <span className="sr-only">Select</span> : null,
            'Item',
            'Annotators',
            'Week',
            'Agreement',
            'Disagreements',
            'Status',
          ]}
          label="Compared items"
        >
          {rows.map((item) => (
            <tr key={item.taskId} className="hover:bg-zinc-50">
              <Td className="w-8">
                {canManage && (
                  <input
                    type="checkbox"
                    aria-label={`Select ${item.assetName}`}
                    checked={selected.has(item.taskId)}
                    disabled={item.inAdjudication}
                    onChange={() => toggle(item.taskId)}
                  />
                )}
              </Td>
              <Td>
                <Link
                  href={`/projects/${slug}/quality/tasks/${item.taskId}`}
                  className="font-medium text-accent-700 hover:underline"
                >
                  {item.assetName}
                </Link>
                <span className="block text-[11px] text-zinc-500">{item.passName}</span>
              </Td>
              <Td className="text-zinc-600">{item.annotators.map((a) => a.name).join(' · ')}</Td>
              <Td className="whitespace-nowrap text-zinc-600">{formatWeek(item.week)}</Td>
              <Td>
                <div className="flex items-center gap-2">
                  <div className="h-1.5 w-20 overflow-hidden rounded bg-red-100" aria-hidden>
                    <div className="h-full bg-emerald-500" style={{ width: `${item.agreement * 100}%` }} />
                  </div>
                  <span className="tabular-nums">{formatShare(item.agreement)}</span>
                </div>
              </Td>
              <Td className="tabular-nums">
                {item.disagreements} of {item.units}
              </Td>
              <Td>
                {item.inAdjudication ? (
                  <Badge tone="amber">with the experts</Badge>
                ) : (
                  <Badge>{item.taskStatus.toLowerCase().replace('_', ' ')}</Badge>
                )}
              </Td>
            </tr>
          ))}
        </Table>
      )}
      {items.data && items.data.total > rows.length && (
        <Button size="sm" onClick={() => setLimit((l) => l + PAGE)} pending={items.isFetching}>
          Show {Math.min(PAGE, items.data.total - rows.length)} more
        </Button>
      )}
      <ReasonDialog request={request} onClose={() => setRequest(null)} />
    </div>
  );
}
