'use client';

import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { Table, Td } from '../ui/table';
import { ItemOutcome } from './item-outcome';
import { useBatchWatch } from './use-batch-watch';

/** Every file a batch was given (URL, manifest row, upload) and what became of it, followed live. */
export function BatchItems({ slug, batchId }: { slug: string; batchId: string }) {
  const [watch] = useBatchWatch(slug, [batchId]);
  if (!watch || watch.isPending) return <LoadingState label="Loading the batch…" />;
  if (watch.isError) return <ErrorState error={watch.error} onRetry={() => void watch.refetch()} />;
  const { items, batch } = watch.data;
  if (items.length === 0) return <EmptyState title="No files in this batch" />;
  return (
    <div className="space-y-1.5" data-testid="batch-items" data-batch-id={batchId}>
      <p className="text-xs text-zinc-500 tabular-nums">
        {batch.items.accepted} accepted · {batch.items.duplicate} duplicate · {batch.items.rejected} rejected ·{' '}
        {batch.items.pending} pending — {batch.stages.READY} ready, {batch.stages.QUARANTINED} quarantined
        {watch.data.settled ? '' : ' (updating…)'}
      </p>
      <Table head={['File', 'Outcome']} label="Batch files">
        {items.map((item) => (
          <tr key={item.id} data-testid="batch-item" data-name={item.name}>
            <Td className="max-w-96">
              <p className="truncate">{item.name}</p>
              {item.sourceUri && <p className="truncate text-xs text-zinc-500">{item.sourceUri}</p>}
            </Td>
            <Td>
              <ItemOutcome slug={slug} assetId={item.assetId} status={item.status} reason={item.reason} state={watch.data} />
            </Td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
