'use client';

import { useMemo, useRef, useState, type ReactNode } from 'react';
import type { ShapeDraft, Tool } from '@/lib/annotate/gestures';
import { setAttribute, setFlag } from '@/lib/annotate/commands';
import { newRegionId } from '@/lib/annotate/region-id';
import { regionProblems } from '@/lib/annotate/validate-regions';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import type { TRegion } from '@/lib/schemas/workflow';
import { Notice } from '@/components/ui/states';
import { classKeys } from '@/components/workflow/hotkeys';
import { labelableClasses } from '@/lib/annotate/labelable-classes';
import type { Shortcut } from '@/components/workflow/keyboard-shortcuts';
import { LabelActionBar } from '@/components/workflow/label-action-bar';
import { imageUrl } from '@/components/workflow/media';
import type { PanelProps } from '@/components/workflow/panel-props';
import { useAnnotationEditor } from '@/components/workflow/use-annotation-editor';
import { useLabelActions } from '@/components/workflow/use-label-actions';
import { AttributeForm } from '../attribute-form';
import { submitBlocked } from '../submit-blocked';
import { LabelCard } from '../label-card';
import { EDITOR_KEYS, editorShortcuts, relabel, viewShortcuts } from './editor-shortcuts';
import { ImageCanvas, type ImageCanvasHandle } from './image-canvas';
import { ImageToolbar } from './image-toolbar';
import { RegionList } from './region-list';
import { GEOMETRY_TOOL, isShapeClass, sceneStyle, TOOL_GEOMETRY, toolsFor } from './scene-style';
import { SuggestionsBar } from './suggestions-bar';
import { useImageDocument } from './use-image-document';

/** The label pass on an image with shapes: canvas on the left, classes, attributes and regions on the right. */
export function ImageLabelWorkspace(props: PanelProps & { comments: ReactNode }) {
  const { annotation } = props.view;
  if (!annotation) return <Notice tone="error">This item has no annotation to edit yet. Reload it, or skip it.</Notice>;
  return <Workspace {...props} annotation={annotation} />;
}

function Workspace(props: PanelProps & { comments: ReactNode; annotation: { version: number; regions: TRegion[] } }) {
  const { slug, view, active, onReload, annotation, comments } = props;
  const editor = useAnnotationEditor(slug, view.assignment.id, annotation);
  const actions = useLabelActions(props, editor);
  const doc = useImageDocument(editor, newRegionId);
  const canvas = useRef<ImageCanvasHandle>(null);
  const classes = view.taxonomy.classes;
  // What new labels may use (no deprecated class); `classes` still names and colors every existing region.
  const offered = useMemo(() => labelableClasses(classes), [classes]);
  const shapeClasses = useMemo(() => offered.filter(isShapeClass), [offered]);
  const imageClasses = useMemo(() => offered.filter((c) => c.geometries.includes('classification')), [offered]);
  const keyed = useMemo(
    () => [...shapeClasses, ...imageClasses.filter((c) => !shapeClasses.includes(c))],
    [shapeClasses, imageClasses],
  );
  const keys = useMemo(() => classKeys(keyed, EDITOR_KEYS), [keyed]);
  const [classId, setClassId] = useState<string | null>(shapeClasses[0]?.id ?? null);
  const active_ = shapeClasses.find((c) => c.id === classId) ?? null;
  const tools = toolsFor(shapeClasses);
  const [tool, setToolState] = useState<Tool>('select');
  const [draft, setDraft] = useState<ShapeDraft | null>(null);
  const [adjust, setAdjust] = useState({ brightness: 1, contrast: 1 });
  const editable = actions.canAct;

  const problems = useMemo(() => {
    const byRegion = new Map<string, string[]>();
    for (const p of regionProblems(doc.regions, classes))
      byRegion.set(p.regionId, [...(byRegion.get(p.regionId) ?? []), p.message]);
    return byRegion;
  }, [doc.regions, classes]);
  const style = useMemo(() => sceneStyle(classes), [classes]);
  const scene = useMemo(
    () => ({ ...style, regions: doc.regions, index: doc.index, selected: doc.selected, diff: null, ghosts: [], editable }),
    [style, doc.regions, doc.index, doc.selected, editable],
  );

  // A tool needs a class that allows its shape, and a class a tool it allows: each follows the other.
  function setTool(next: Tool) {
    setToolState(next);
    const geometry = TOOL_GEOMETRY[next];
    if (geometry && !active_?.geometries.includes(geometry)) {
      const fit = shapeClasses.find((c) => c.geometries.includes(geometry));
      if (fit) setClassId(fit.id);
    }
  }
  function pickClass(klass: TTaxonomyClass) {
    if (!editable) return;
    if (!isShapeClass(klass)) {
      toggleImageClass(klass);
      return;
    }
    setClassId(klass.id);
    // With the select tool a class key relabels the selection; while drawing it only picks the next shape's class.
    if (tool === 'select') relabel(doc, klass);
    const geometry = TOOL_GEOMETRY[tool];
    const own = klass.geometries.flatMap((g) => GEOMETRY_TOOL[g] ?? []);
    if (geometry && !klass.geometries.includes(geometry)) setToolState(own[0] ?? 'select');
  }
  function toggleImageClass(klass: TTaxonomyClass) {
    const existing = doc.regions.find((r) => r.type === 'classification' && r.classId === klass.id);
    if (existing)
      doc.run((r) =>
        r.some((x) => x.id === existing.id) ? [{ kind: 'remove', index: r.indexOf(existing), region: existing }] : [],
      );
    else
      doc.apply({
        patch: [
          {
            kind: 'insert',
            index: doc.regions.length,
            region: { id: newRegionId(), type: 'classification', classId: klass.id, attributes: {} },
          },
        ],
        select: [],
      });
  }

  const blocking = [...problems.values()].flat();
  const shapes = doc.regions.filter((r) => r.type !== 'classification').length;
  const imageLabels = doc.regions.filter((r) => r.type === 'classification');
  const canSubmit = blocking.length === 0 && doc.regions.length > 0;
  const [submitKey] = actions.shortcuts(canSubmit);
  const shortcuts: Shortcut[] = [
    ...keyed.flatMap((c, i) => (keys[i] ? [{ key: keys[i]!, label: c.name, run: () => pickClass(c) }] : [])),
    ...editorShortcuts({ doc, canvas: canvas.current, tools, setTool, pixels: pixelSize(view.asset), submitKey: submitKey! }),
    ...actions.shortcuts(canSubmit).slice(1),
    ...viewShortcuts(canvas.current),
  ];
  const selectedRegions = doc.regions.filter((r) => doc.selected.has(r.id));
  const keypointCount = active_?.skeleton?.keypoints.length ?? 0;

  return (
    <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]" data-testid="image-editor">
      <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white">
        <ImageToolbar
          tools={tools}
          tool={tool}
          onTool={setTool}
          canvas={canvas.current}
          canUndo={doc.canUndo}
          canRedo={doc.canRedo}
          onUndo={doc.undo}
          onRedo={doc.redo}
          readOnly={!editable}
          brightness={adjust.brightness}
          contrast={adjust.contrast}
          onAdjust={(brightness, contrast) => setAdjust({ brightness, contrast })}
          hint={hintFor(tool, draft, active_, keypointCount)}
        />
        <div className="h-[calc(100vh-15rem)] min-h-96">
          <ImageCanvas
            ref={canvas}
            preview={imageUrl(slug, view.asset)}
            full={view.asset.contentUrl}
            pixelSize={view.asset.width && view.asset.height ? { width: view.asset.width, height: view.asset.height } : null}
            scene={scene}
            tool={editable ? tool : 'select'}
            classId={classId}
            keypointCount={keypointCount}
            readOnly={!editable}
            brightness={adjust.brightness}
            contrast={adjust.contrast}
            newId={newRegionId}
            onOutcome={doc.apply}
            onDraftChange={setDraft}
          />
        </div>
      </div>
      <div className="space-y-3">
        <LabelCard
          head={{ view, editor, regions: doc.regions, classes, shortcuts, enabled: editable }}
          picker={{
            classes: keyed,
            keys,
            chosen: new Set([...(classId ? [classId] : []), ...imageLabels.map((r) => r.classId)]),
            onPick: (id) => pickClass(keyed.find((c) => c.id === id)!),
            disabled: !editable,
          }}
          missing={offered.length === 0 ? 'This pass has no classes to choose from.' : null}
        >
          <SuggestionsBar doc={doc} disabled={!editable} />
          <AttributeForm
            classes={classes}
            regions={selectedRegions.length > 0 ? selectedRegions : imageLabels}
            readOnly={!editable}
            problems={problems}
            onSetClass={(id) =>
              relabel(
                doc,
                classes.find((c) => c.id === id)!,
              )
            }
            onSetAttribute={(attributeId, value) => {
              const ids = (selectedRegions.length > 0 ? selectedRegions : imageLabels).map((r) => r.id);
              doc.run((regions) =>
                ids.reduce<ReturnType<typeof setAttribute>>(
                  (patch, id) => [...patch, ...setAttribute(regions, id, attributeId, value)],
                  [],
                ),
              );
            }}
            onEditStart={doc.beginEdit}
            onEditEnd={doc.endEdit}
          />
          <LabelActionBar
            actions={actions}
            editor={editor}
            active={active}
            canSubmit={canSubmit}
            blocked={submitBlocked({
              isEmpty: doc.regions.length === 0,
              empty: 'Draw a region or pick an image class to submit.',
              problems: blocking,
              waivable: false,
            })}
            onReload={onReload}
          />
        </LabelCard>
        <div className="rounded-lg border border-zinc-200 bg-white p-3 shadow-xs">
          <RegionList
            regions={doc.regions.filter((r) => r.type !== 'classification')}
            classes={classes}
            selected={doc.selected}
            problems={problems}
            readOnly={!editable}
            onSelect={(ids, mode) =>
              doc.select(mode === 'replace' ? ids : mode === 'add' ? [...doc.selected, ...ids] : toggled(doc.selected, ids))
            }
            onFlag={(ids, flag, on) => doc.run((r) => setFlag(r, ids, flag, on))}
          />
          <p className="mt-1 text-[11px] text-zinc-500">{shapes.toLocaleString()} shapes</p>
        </div>
        {comments}
      </div>
    </div>
  );
}

function toggled(selected: ReadonlySet<string>, ids: string[]): string[] {
  const next = new Set(selected);
  for (const id of ids) {
    if (next.has(id)) next.delete(id);
    else next.add(id);
  }
  return [...next];
}

function pixelSize(asset: { width: number | null; height: number | null }) {
  return { width: asset.width ?? 1000, height: asset.height ?? 1000 };
}

function hintFor(tool: Tool, draft: ShapeDraft | null, klass: TTaxonomyClass | null, keypoints: number): string | null {
  if (tool === 'select') return null;
  if (!klass) return 'Pick a class to draw.';
  if (tool === 'bbox') return `Drag to draw a ${klass.name} box.`;
  if (tool === 'polygon') {
    if (!draft) return `Click to place the first point of a ${klass.name} polygon.`;
    return `${draft.points.length} points: click the first point or press Enter to close, Backspace removes the last, Esc cancels.`;
  }
  if (tool === 'polyline') {
    if (!draft) return `Click to place the first point of a ${klass.name} line.`;
    return `${draft.points.length} points: click the last point again or press Enter to end the line, Backspace removes the last, Esc cancels.`;
  }
  if (keypoints === 0) return `${klass.name} has no skeleton: ask a data lead to define its keypoints.`;
  const next = klass.skeleton?.keypoints[draft?.points.length ?? 0];
  return `Click to place “${next?.name ?? '?'}” (${(draft?.points.length ?? 0) + 1} of ${keypoints}); Alt-click: occluded, N: not visible, Enter: finish.`;
}
