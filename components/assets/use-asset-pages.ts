'use client';

import { useInfiniteQuery } from '@tanstack/react-query';
import { callApi, type ApiError } from '@/lib/api/client';
import { listAssets } from '@/lib/api/operations/assets';
import type { TAssetList, TAssetSummary } from '@/lib/schemas/asset';

export interface AssetFilters {
  kind?: TAssetSummary['kind'];
  stage?: TAssetSummary['stage'];
  batchId?: string;
  q?: string;
  meta?: string;
}

export const PAGE_SIZE = 200;

/** Pages of 200 assets by cursor; the grid asks for the next page as its last loaded row scrolls into view. */
export function useAssetPages(slug: string, filters: AssetFilters) {
  return useInfiniteQuery<TAssetList, ApiError>({
    queryKey: [listAssets.id, slug, 'pages', filters],
    queryFn: ({ pageParam, signal }) =>
      callApi(
        listAssets,
        {
          params: { projectId: slug },
          query: { ...filters, limit: PAGE_SIZE, cursor: (pageParam as string | null) ?? undefined },
        },
        { signal },
      ),
    initialPageParam: null,
    getNextPageParam: (last) => last.nextCursor,
    // While something is still on its way through the pipeline, keep the first pages fresh.
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.items.some((a) => a.stage === 'RAW' || a.stage === 'STAGED')) ? 3000 : false,
  });
}
