'use client';

import { useMemo } from 'react';
import { pasteRegions } from '@/lib/annotate/commands';
import { buildHitIndex } from '@/lib/annotate/hit-test';
import type { TRegion } from '@/lib/schemas/workflow';
import { useRegionDocument } from '../use-region-document';
import { readClipboard, writeClipboard } from './clipboard';

/** The image annotation being edited: the shared history and selection, plus the hit index and copy / paste. */
export function useImageDocument(saved: { regions: TRegion[]; change: (next: TRegion[]) => void }, newId: () => string) {
  const doc = useRegionDocument(saved);
  const { regions, selected, apply } = doc;
  const index = useMemo(() => buildHitIndex(regions), [regions]);
  return {
    ...doc,
    index,
    copy: () => writeClipboard(doc.current().filter((r) => selected.has(r.id))),
    paste: () => {
      const clipboard = readClipboard();
      if (clipboard.regions.length === 0) return;
      // On the image they came from, copies step aside so they do not hide the originals; on the next image they land in place.
      const ids = new Set(doc.current().map((r) => r.id));
      const here = clipboard.regions.some((r) => ids.has(r.id));
      const patch = pasteRegions(doc.current(), clipboard.regions, newId, here ? 0.01 * (clipboard.pastes + 1) : 0);
      writeClipboard(clipboard.regions, clipboard.pastes + 1);
      apply({ patch, select: patch.flatMap((op) => (op.kind === 'insert' ? [op.region.id] : [])) });
    },
  };
}

export type ImageDocument = ReturnType<typeof useImageDocument>;
