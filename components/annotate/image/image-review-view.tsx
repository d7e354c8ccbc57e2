'use client';

import { useMemo, useRef, useState } from 'react';
import { diffRegions } from '@/lib/annotate/diff-regions';
import { buildHitIndex } from '@/lib/annotate/hit-test';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { TAnnotationView, TAssignmentView } from '@/lib/schemas/workflow';
import { imageUrl } from '@/components/workflow/media';
import { useRegionFocus } from '@/components/workflow/region-focus';
import { ImageCanvas, type ImageCanvasHandle } from './image-canvas';
import { ImageToolbar } from './image-toolbar';
import { sceneStyle } from './scene-style';

const NONE = '';
const LEGEND = [
  ['added', 'bg-green-600'],
  ['changed', 'bg-amber-600'],
  ['removed', 'bg-red-600'],
] as const;

/**
 * Review and adjudication on an image: the same renderer, read-only, showing one annotation's
 * shapes, optionally against another version (added / changed / removed highlighted). A click on a
 * shape selects it and focuses its note in the panel (region-focus.tsx), and a focused note selects
 * its shape here.
 */
export function ImageReviewView({
  slug,
  asset,
  subjects,
  others,
  classes,
}: {
  slug: string;
  asset: TAssignmentView['asset'];
  subjects: readonly TAnnotationView[];
  /** Earlier versions worth comparing with (e.g. a rejected revision). */
  others: readonly TAnnotationView[];
  classes: readonly TTaxonomyClass[];
}) {
  const canvas = useRef<ImageCanvasHandle>(null);
  const choices = [...subjects, ...others];
  const [shownId, setShownId] = useState(subjects[0]?.id ?? NONE);
  const [compareId, setCompareId] = useState(NONE);
  const [adjust, setAdjust] = useState({ brightness: 1, contrast: 1 });
  const shown = choices.find((a) => a.id === shownId) ?? subjects[0];
  const compared = choices.find((a) => a.id === compareId && a.id !== shown?.id) ?? null;
  const { focus, setFocus } = useRegionFocus();
  const focusedId = focus && focus.annotationId === shown?.id ? focus.regionId : null;
  const style = useMemo(() => sceneStyle(classes), [classes]);
  const index = useMemo(() => buildHitIndex(shown?.regions ?? []), [shown]);
  const diff = useMemo(() => (shown && compared ? diffRegions(shown.regions, compared.regions) : null), [shown, compared]);
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
  const label = (a: TAnnotationView) => `${a.author.name} · ${a.passName} v${a.version}`;

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
      <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-2 py-1.5 text-xs text-zinc-700">
        <label className="flex items-center gap-1">
          Showing
          <select
            className="rounded border border-zinc-300 px-1 py-0.5"
            value={shown?.id ?? NONE}
            onChange={(e) => setShownId(e.target.value)}
          >
            {choices.map((a) => (
              <option key={a.id} value={a.id}>
                {label(a)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-1">
          Compare with
          <select
            className="rounded border border-zinc-300 px-1 py-0.5"
            value={compareId}
            onChange={(e) => setCompareId(e.target.value)}
          >
            <option value={NONE}>nothing</option>
            {choices
              .filter((a) => a.id !== shown?.id)
              .map((a) => (
                <option key={a.id} value={a.id}>
                  {label(a)}
                </option>
              ))}
          </select>
        </label>
        {compared && (
          <span className="flex items-center gap-2" aria-label="Legend">
            {LEGEND.map(([name, color]) => (
              <span key={name} className="flex items-center gap-1">
                <span className={`size-2.5 rounded-sm ${color}`} aria-hidden />
                {name} ({[...(scene.diff?.values() ?? [])].filter((c) => c === name).length})
              </span>
            ))}
          </span>
        )}
      </div>
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
