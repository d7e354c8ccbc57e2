'use client';

import { useMemo } from 'react';
import { newRegionId } from '@/lib/annotate/region-id';
import type { TRegion } from '@/lib/schemas/workflow';
import { Button } from '../ui/button';
import { Notice } from '../ui/states';
import { RegionChips } from './class-chips';
import { ClassPicker } from './class-picker';
import { classKeys } from './hotkeys';
import { labelableClasses } from '@/lib/annotate/labelable-classes';
import { KeyboardShortcuts, type Shortcut } from './keyboard-shortcuts';
import { LabelActionBar } from './label-action-bar';
import type { PanelProps } from './panel-props';
import { ReworkNotice } from './rework-notice';
import { SaveStatusText } from './save-status';
import { StaleDraftNotice } from './stale-draft-notice';
import { useAnnotationEditor } from './use-annotation-editor';
import { useLabelActions } from './use-label-actions';

// Action keys of a label pass; a class whose hotkey is one of them gets a digit instead.
export const ACTION_KEYS = new Set(['s', 'f']);

export function LabelPanel(props: PanelProps) {
  const { annotation } = props.view;
  if (!annotation) return <Notice tone="error">This item has no annotation to edit yet. Reload it, or skip it.</Notice>;
  return <LabelEditor {...props} annotation={annotation} />;
}

function LabelEditor(props: PanelProps & { annotation: { version: number; regions: TRegion[] } }) {
  const { slug, view, active, onReload, annotation } = props;
  const editor = useAnnotationEditor(slug, view.assignment.id, annotation);
  const actions = useLabelActions(props, editor);
  // This panel labels the whole item; classes drawn as shapes or segments need their media's editor.
  const classes = useMemo(
    () => labelableClasses(view.taxonomy.classes).filter((c) => c.geometries.includes('classification')),
    [view.taxonomy.classes],
  );
  const keys = useMemo(() => classKeys(classes, ACTION_KEYS), [classes]);
  const chosen = new Set(editor.regions.map((r) => r.classId));
  const rework = view.assignment.directed && view.previous?.status === 'REJECTED' ? view.previous : null;

  function pick(classId: string) {
    if (!actions.canAct || chosen.has(classId)) return;
    editor.change([{ id: newRegionId(), type: 'classification', classId, attributes: {} }]);
  }

  const shortcuts: Shortcut[] = [
    ...classes.flatMap((c, i) => (keys[i] ? [{ key: keys[i]!, label: c.name, run: () => pick(c.id) }] : [])),
    ...actions.shortcuts(chosen.size > 0),
  ];

  return (
    <div className="space-y-3" data-testid="label-panel">
      {rework && <ReworkNotice view={view} previous={rework} regions={editor.regions} classes={view.taxonomy.classes} />}
      {view.previous && !rework && (
        <p className="text-xs text-zinc-600">
          {view.previous.passName}: <RegionChips regions={view.previous.regions} classes={view.taxonomy.classes} />
        </p>
      )}
      {editor.staleDraft && (
        <StaleDraftNotice draft={editor.staleDraft} classes={view.taxonomy.classes} {...editor.staleActions} />
      )}
      <div className="flex items-center gap-2">
        <h3 className="text-sm font-semibold text-zinc-900">Class</h3>
        <span className="ml-auto">
          <SaveStatusText status={editor.status} error={editor.error} />
        </span>
        <KeyboardShortcuts shortcuts={shortcuts} enabled={actions.canAct} />
      </div>
      {classes.length === 0 ? (
        <Notice tone="warning">
          {view.taxonomy.classes.length === 0
            ? 'This pass has no classes to choose from. Ask a data lead to check its scope.'
            : `This pass's classes are drawn on the ${view.asset.kind.toLowerCase()} (${view.taxonomy.classes.map((c) => c.name).join(', ')}), which this item's editor does not do yet. Skip it, or ask a data lead to add a whole-item class.`}
        </Notice>
      ) : (
        <ClassPicker classes={classes} keys={keys} chosen={chosen} onPick={pick} disabled={!actions.canAct} />
      )}
      <LabelActionBar
        actions={actions}
        editor={editor}
        active={active}
        canSubmit={chosen.size > 0}
        blocked={chosen.size === 0 ? 'Pick a class to submit.' : null}
        onReload={onReload}
        extra={
          <Button disabled={!actions.canAct || chosen.size === 0} onClick={() => editor.change([])}>
            Clear
          </Button>
        }
      />
    </div>
  );
}
