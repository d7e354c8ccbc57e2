'use client';

import { useQuery } from '@tanstack/react-query';
import { parseFrameMap, type FrameMap } from '@/lib/annotate/video/frame-time';

/** The proxy's frame map (the worker's FRAME_MAP derivative): what frame each media time shows. */
export function useFrameMap(url: string | null) {
  return useQuery<FrameMap, Error>({
    queryKey: ['frame-map', url],
    enabled: url !== null,
    staleTime: Infinity,
    queryFn: async ({ signal }) => {
      const res = await fetch(url!, { credentials: 'same-origin', signal });
      if (!res.ok) throw new Error(`The frame map could not be loaded (HTTP ${res.status})`);
      const map = parseFrameMap(await res.json());
      if (!map) throw new Error('The frame map is malformed');
      return map;
    },
  });
}
