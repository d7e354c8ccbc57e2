'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { TAssetSummary } from '@/lib/schemas/asset';
import { Spinner } from '../ui/states';
import { AssetCard } from './asset-card';

const MIN_CARD = 180;
const GAP = 12;
const ROW = 236 + GAP;

interface AssetGridProps {
  slug: string;
  assets: TAssetSummary[];
  canWrite: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}

/**
 * Rows of N cards (N from the container's width), virtualized: only the rows in view (plus a few) are
 * in the DOM, so 100,000 assets cost what 30 do. The last row is a loader that asks for the next page.
 */
export function AssetGrid({ slug, assets, canWrite, hasMore, loadingMore, onLoadMore }: AssetGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const columns = Math.max(1, Math.floor((width + GAP) / (MIN_CARD + GAP)));
  const rows = Math.ceil(assets.length / columns);

  const virtualizer = useVirtualizer({
    count: rows + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 3,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= rows - 1) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, rows, onLoadMore]);

  return (
    <div
      ref={scroller}
      className="h-[calc(100vh-17rem)] min-h-80 overflow-y-auto pr-1"
      data-testid="asset-grid"
      data-rendered-rows={items.length}
    >
      <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((row) => (
          <div
            key={row.key}
            className="absolute inset-x-0 grid"
            style={{
              top: row.start,
              height: ROW - GAP,
              gap: GAP,
              gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
            }}
          >
            {row.index >= rows ? (
              <div className="col-span-full flex items-center justify-center gap-2 text-sm text-zinc-500" role="status">
                <Spinner /> Loading more…
              </div>
            ) : (
              assets
                .slice(row.index * columns, row.index * columns + columns)
                .map((asset) => <AssetCard key={asset.id} slug={slug} asset={asset} canWrite={canWrite} />)
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
