'use client';

import { useQueries } from '@tanstack/react-query';
import { callApi, type ApiError } from '@/lib/api/client';
import { listAssets } from '@/lib/api/operations/assets';
import { getImport } from '@/lib/api/operations/imports';
import type { TAssetSummary } from '@/lib/schemas/asset';
import type { TImportBatch, TImportItem } from '@/lib/schemas/import';

export interface BatchState {
  batch: TImportBatch;
  items: TImportItem[];
  /** The batch's assets by id: their stage and why they were quarantined. */
  assets: Map<string, Pick<TAssetSummary, 'stage' | 'failureReason' | 'filename'>>;
  settled: boolean;
}

const POLL_MS = 1500;

async function loadBatch(projectId: string, batchId: string, signal: AbortSignal): Promise<BatchState> {
  const params = { projectId, batchId };
  const [batch, assets] = await Promise.all([
    callApi(getImport, { params }, { signal }),
    batchAssets(projectId, batchId, signal),
  ]);
  const { itemList, ...summary } = batch;
  const settled = summary.items.pending === 0 && summary.stages.RAW === 0 && summary.stages.STAGED === 0;
  return { batch: summary, items: itemList, assets, settled };
}

async function batchAssets(projectId: string, batchId: string, signal: AbortSignal): Promise<BatchState['assets']> {
  const out: BatchState['assets'] = new Map();
  let cursor: string | undefined;
  do {
    const page = await callApi(listAssets, { params: { projectId }, query: { batchId, limit: 500, cursor } }, { signal });
    for (const a of page.items) out.set(a.id, { stage: a.stage, failureReason: a.failureReason, filename: a.filename });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/**
 * Follows import batches every 1.5 s while anything in them is still moving (an item pending, an asset
 * RAW or STAGED, or whatever `stillMoving` knows of, e.g. an upload in flight), then stops.
 */
export function useBatchWatch(
  slug: string,
  batchIds: readonly string[],
  stillMoving: (batchId: string, state: BatchState | undefined) => boolean = () => false,
) {
  return useQueries({
    queries: batchIds.map((batchId) => ({
      queryKey: [getImport.id, slug, batchId, 'watch'],
      queryFn: ({ signal }: { signal: AbortSignal }) => loadBatch(slug, batchId, signal),
      refetchInterval: (query: { state: { data?: BatchState; error: ApiError | null } }) => {
        if (query.state.error?.status === 404) return false;
        const data = query.state.data;
        return !data?.settled || stillMoving(batchId, data) ? POLL_MS : false;
      },
    })),
  });
}
