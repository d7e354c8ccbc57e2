import type { TAssetDetail } from '@/lib/schemas/asset';
import { KindIcon } from './kind-icon';

function derivativeUrl(asset: TAssetDetail, kind: string, variant?: string): string | undefined {
  return asset.derivatives.find((d) => d.kind === kind && (variant === undefined || d.variant === variant))?.url;
}

/** The image (its 1024 thumbnail, not the possibly huge original) or a player on the streamable proxy. */
export function AssetPreview({ asset }: { asset: TAssetDetail }) {
  const frame = 'grid min-h-64 place-items-center overflow-hidden rounded-lg border border-zinc-200 bg-zinc-900';
  if (asset.stage === 'QUARANTINED' || (asset.stage !== 'READY' && asset.derivatives.length === 0)) {
    return (
      <div className={`${frame} bg-zinc-100 text-zinc-400`} data-testid="preview">
        <div className="flex flex-col items-center gap-2 text-sm">
          <KindIcon kind={asset.kind} className="size-12" />
          {asset.stage === 'QUARANTINED' ? 'No preview for a quarantined file' : 'Preview appears once the file is processed…'}
        </div>
      </div>
    );
  }
  const media = derivativeUrl(asset, 'PROXY') ?? asset.contentUrl;
  if (asset.kind === 'IMAGE') {
    const src = derivativeUrl(asset, 'THUMBNAIL', '1024') ?? asset.thumbnailUrl ?? asset.contentUrl;
    return (
      <div className={frame} data-testid="preview">
        <img src={src} alt={asset.filename} className="max-h-[32rem] w-full object-contain" />
      </div>
    );
  }
  if (asset.kind === 'AUDIO') {
    return (
      <div className={`${frame} bg-zinc-50 p-6`} data-testid="preview">
        <audio controls preload="metadata" src={media} className="w-full" aria-label={`Play ${asset.filename}`} />
      </div>
    );
  }
  return (
    <div className={frame} data-testid="preview">
      <video
        controls
        preload="metadata"
        src={media}
        poster={derivativeUrl(asset, 'POSTER') ?? undefined}
        className="max-h-[32rem] w-full"
        aria-label={`Play ${asset.filename}`}
      />
    </div>
  );
}
