'use client';

import { useState } from 'react';
import type { TAssignmentView } from '@/lib/schemas/workflow';
import { imageUrl } from './media';

/** The item being worked on: the image, or a player for audio and video. */
export function MediaPane({ slug, asset }: { slug: string; asset: TAssignmentView['asset'] }) {
  const [thumbnailFailed, setThumbnailFailed] = useState(false);
  const frame = 'grid min-h-80 place-items-center overflow-hidden rounded-lg border border-zinc-200';
  if (asset.kind === 'IMAGE') {
    return (
      <div className={`${frame} bg-zinc-900`} data-testid="task-media">
        <img
          src={thumbnailFailed ? asset.contentUrl : imageUrl(slug, asset)}
          onError={() => setThumbnailFailed(true)}
          alt={asset.filename}
          className="max-h-[70vh] w-full object-contain"
        />
      </div>
    );
  }
  if (asset.kind === 'AUDIO') {
    return (
      <div className={`${frame} bg-zinc-50 p-6`} data-testid="task-media">
        <audio controls preload="auto" src={asset.contentUrl} className="w-full" aria-label={`Play ${asset.filename}`} />
      </div>
    );
  }
  return (
    <div className={`${frame} bg-zinc-900`} data-testid="task-media">
      <video
        controls
        preload="auto"
        src={asset.contentUrl}
        className="max-h-[70vh] w-full"
        aria-label={`Play ${asset.filename}`}
      />
    </div>
  );
}
