import Link from 'next/link';
import type { TAssetSummary } from '@/lib/schemas/asset';
import { formatBytes, formatDuration } from './asset-format';
import { KIND_LABELS, KindIcon } from './kind-icon';
import { QuarantineActions } from './quarantine-actions';
import { StageBadge } from './stage-badge';

/** One grid card. Its height is fixed (the virtualizer sizes rows without measuring). */
export function AssetCard({ slug, asset, canWrite }: { slug: string; asset: TAssetSummary; canWrite: boolean }) {
  const href = `/projects/${slug}/assets/${asset.id}`;
  const quarantined = asset.stage === 'QUARANTINED';
  return (
    <div
      className="flex h-full flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-xs hover:border-accent-500"
      data-testid={`asset-card-${asset.filename}`}
    >
      <Link href={href} className="relative grid h-36 shrink-0 place-items-center bg-zinc-100 text-zinc-400">
        {asset.thumbnailUrl ? (
          // A plain <img>: thumbnails are already small webp files served with immutable cache headers.
          <img src={asset.thumbnailUrl} alt={asset.filename} loading="lazy" className="size-full object-contain" />
        ) : (
          <KindIcon kind={asset.kind} className={asset.stage === 'READY' ? 'size-10' : 'size-10 animate-pulse'} />
        )}
        <span className="absolute top-1.5 left-1.5">
          <StageBadge stage={asset.stage} />
        </span>
      </Link>
      <div className="flex min-h-0 flex-1 flex-col gap-0.5 px-2.5 py-2">
        <Link href={href} className="truncate text-sm font-medium text-zinc-900 hover:underline" title={asset.filename}>
          {asset.filename}
        </Link>
        <p className="truncate text-xs text-zinc-500 tabular-nums">
          {KIND_LABELS[asset.kind]}
          {asset.width && asset.height ? ` · ${asset.width}×${asset.height}` : ''}
          {asset.durationSec !== null ? ` · ${formatDuration(asset.durationSec)}` : ''} · {formatBytes(asset.bytes)}
        </p>
        {quarantined && (
          <p className="line-clamp-2 text-xs text-red-700" title={asset.failureReason ?? undefined}>
            {asset.failureReason ?? 'No reason recorded.'}
          </p>
        )}
        {quarantined && canWrite && (
          <div className="mt-auto">
            <QuarantineActions slug={slug} assetId={asset.id} filename={asset.filename} />
          </div>
        )}
      </div>
    </div>
  );
}
