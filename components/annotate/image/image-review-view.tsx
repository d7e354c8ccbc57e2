'use client';

import { useMemo, useRef, useState } from 'react';
import { buildHitIndex } from '@/lib/annotate/hit-test';
import { imageUrl } from '@/components/workflow/media';
import { useRegionFocus } from '@/components/workflow/region-focus';
import { ImageCanvas, type ImageCanvasHandle } from './image-canvas';
import { ImageToolbar } from './image-toolbar';
import { useVersionCompare, type ReviewViewProps } from '../version-compare-bar';
import { sceneStyle } from './scene-style';

/**
 * Review and adjudication on an image: the same renderer, read-only, showing one annotation's
 * shapes, optionally against another version (added / changed / removed highlighted). A click on a
 * shape selects it and focuses its note in the panel (region-focus.tsx), and a focused note selects
 * its shape here.
 */
export function ImageReviewView({ slug, asset, subjects, others, classes }: ReviewViewProps) {
  const canvas = useRef<ImageCanvasHandle>(null);
  const [adjust, setAdjust] = useState({ brightness: 1, contrast: 1 });
  const { shown, diff, bar } = useVersionCompare(subjects, others);
  const { focus, setFocus } = useRegionFocus();
  const focusedId = focus && focus.annotationId === shown?.id ? focus.regionId : null;
  const style = useMemo(() => sceneStyle(classes), [classes]);
  const index = useMemo(() => buildHitIndex(shown?.regions ?? []), [shown]);
  const scene = useMemo(
    () => ({
      ...style,
      regions: index.regions,
      index,
      selected: new Set(focusedId ? [focusedId] : []),
      diff: diff?.changes ?? null,
      ghosts: diff?.removed ?? [],
      editable: false,
    }),
    [style, index, diff, focusedId],
  );

  return (
    <div
      className="overflow-hidden rounded-lg border border-zinc-200 bg-white"
      data-testid="image-review"
      data-selected-region={focusedId ?? undefined}
    >
      <ImageToolbar
        tools={[]}
        tool="select"
        onTool={() => undefined}
        canvas={canvas.current}
        canUndo={false}
        canRedo={false}
        onUndo={() => undefined}
        onRedo={() => undefined}
        readOnly
        brightness={adjust.brightness}
        contrast={adjust.contrast}
        onAdjust={(brightness, contrast) => setAdjust({ brightness, contrast })}
        hint="Drag to pan; click a shape to select it (and its note)."
      />
      {bar}
      <div className="h-[calc(100vh-16rem)] min-h-96">
        <ImageCanvas
          ref={canvas}
          preview={imageUrl(slug, asset)}
          full={asset.contentUrl}
          pixelSize={asset.width && asset.height ? { width: asset.width, height: asset.height } : null}
          scene={scene}
          tool="select"
          classId={null}
          keypointCount={0}
          readOnly
          brightness={adjust.brightness}
          contrast={adjust.contrast}
          newId={() => ''}
          onOutcome={() => undefined}
          onDraftChange={() => undefined}
          onPick={(regionId) => setFocus(shown && regionId ? { annotationId: shown.id, regionId, origin: 'canvas' } : null)}
        />
      </div>
    </div>
  );
}
