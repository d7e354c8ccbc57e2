'use client';

import type { ReactNode } from 'react';
import type { FrameMap } from '@/lib/annotate/video/frame-time';
import type { TAssignmentView } from '@/lib/schemas/workflow';
import { ErrorState, LoadingState, Notice } from '@/components/ui/states';
import { useFrameMap } from './use-frame-map';

/** Renders `children` once the video's frame map is here; says why when the video cannot be stepped through. */
export function WithFrameMap({ asset, children }: { asset: TAssignmentView['asset']; children: (map: FrameMap) => ReactNode }) {
  const map = useFrameMap(asset.frameMapUrl);
  if (!asset.frameMapUrl)
    return (
      <Notice tone="error">
        This video has no frame map yet: its preprocessing failed or has not finished. Try again in a minute.
      </Notice>
    );
  if (map.isPending) return <LoadingState label="Loading the video's frames…" />;
  if (map.isError) return <ErrorState error={map.error} onRetry={() => void map.refetch()} />;
  return children(map.data);
}
