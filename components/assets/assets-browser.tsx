'use client';

import Link from 'next/link';
import { useCallback, useState } from 'react';
import { buttonClass } from '../ui/button';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { AssetFilterBar } from './asset-filters';
import { AssetGrid } from './asset-grid';
import { useAssetPages, type AssetFilters } from './use-asset-pages';

/** The assets page: filters over a virtualized grid. Filters live in the URL so a view can be shared. */
export function AssetsBrowser({ slug, canWrite, initial }: { slug: string; canWrite: boolean; initial: AssetFilters }) {
  const [filters, setFilters] = useState<AssetFilters>(initial);
  const pages = useAssetPages(slug, filters);
  const first = pages.data?.pages[0];
  const assets = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Object.values(filters).some(Boolean);

  const change = useCallback((next: AssetFilters) => {
    setFilters(next);
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, value);
    window.history.replaceState(null, '', `${window.location.pathname}${search.size ? `?${search}` : ''}`);
  }, []);
  const { fetchNextPage } = pages;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  return (
    <div className="space-y-3">
      <div className="flex items-start justify-between gap-4">
        <AssetFilterBar slug={slug} filters={filters} stageCounts={first?.stageCounts} onChange={change} />
        {canWrite && (
          <Link href={`/projects/${slug}/import`} className={buttonClass('primary')}>
            Import files
          </Link>
        )}
      </div>
      <p className="text-xs text-zinc-500 tabular-nums" data-testid="asset-total">
        {first
          ? `${first.total.toLocaleString('en')} ${first.total === 1 ? 'asset' : 'assets'}${filtered ? (first.total === 1 ? ' matches' : ' match') : ''}`
          : ' '}
        {filters.stage === 'QUARANTINED' && first && first.total > 0 && ' · each card says why it was quarantined'}
      </p>
      {pages.isPending ? (
        <LoadingState label="Loading assets…" />
      ) : pages.isError ? (
        <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
      ) : assets.length === 0 ? (
        <EmptyState title={filtered ? 'No assets match these filters' : 'No assets yet'}>
          {filtered ? 'Clear a filter to see more.' : canWrite ? 'Import files to get started.' : 'A data lead imports them.'}
        </EmptyState>
      ) : (
        <AssetGrid
          slug={slug}
          assets={assets}
          canWrite={canWrite}
          hasMore={Boolean(pages.hasNextPage)}
          loadingMore={pages.isFetchingNextPage}
          onLoadMore={loadMore}
        />
      )}
    </div>
  );
}
