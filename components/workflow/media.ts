import { buildUrl } from '@/lib/api/client';
import { getAssetDerivative } from '@/lib/api/operations/assets';
import type { TAssignmentView } from '@/lib/schemas/workflow';

type Asset = TAssignmentView['asset'];

/** Images show their 1024 px thumbnail (the original may be huge); the original is the fallback. */
export function imageUrl(slug: string, asset: Asset): string {
  return buildUrl(getAssetDerivative.path, { projectId: slug, assetId: asset.id, kind: 'thumbnail' }, { variant: '1024' });
}

/** Warms the browser cache with the next item's media, so it shows at once after this one. */
export function preloadMedia(slug: string, asset: Asset): void {
  if (asset.kind === 'IMAGE') {
    // The thumbnail shows first; the image editor then draws the original, so warm both.
    const thumbnail = new Image();
    const original = new Image();
    thumbnail.onload = thumbnail.onerror = () => {
      original.src = asset.contentUrl;
    };
    thumbnail.src = imageUrl(slug, asset);
    return;
  }
  const player = document.createElement(asset.kind === 'AUDIO' ? 'audio' : 'video');
  player.preload = 'auto';
  player.src = asset.contentUrl;
}
