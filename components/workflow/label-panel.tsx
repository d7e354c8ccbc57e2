'use client';

import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { callApi } from '@/lib/api/client';
import { escalateAssignment, skipAssignment, submitAssignment } from '@/lib/api/operations/workflow';
import type { TRegion } from '@/lib/schemas/workflow';
import { Button } from '../ui/button';
import { Notice } from '../ui/states';
import { ActionError } from './action-error';
import { RegionChips } from './class-chips';
import { ClassPicker } from './class-picker';
import { classKeys } from './hotkeys';
import { KeyboardShortcuts, type Shortcut } from './keyboard-shortcuts';
import type { PanelProps } from './panel-props';
import { ReasonDialog, type ReasonRequest } from './reason-dialog';
import { ReworkNotice } from './rework-notice';
import { SaveStatusText } from './save-status';
import { StaleDraftNotice } from './stale-draft-notice';
import { useAnnotationEditor } from './use-annotation-editor';

// Action keys of a label pass; a class whose hotkey is one of them gets a digit instead.
const ACTION_KEYS = new Set(['s', 'f']);

export function LabelPanel(props: PanelProps) {
  const { annotation } = props.view;
  if (!annotation) return <Notice tone="error">This item has no annotation to edit yet. Reload it, or skip it.</Notice>;
  return <LabelEditor {...props} annotation={annotation} />;
}

function LabelEditor({
  slug,
  view,
  active,
  onDone,
  onReload,
  advancing,
  annotation,
}: PanelProps & { annotation: { version: number; regions: TRegion[] } }) {
  const assignmentId = view.assignment.id;
  const params = { projectId: slug, assignmentId };
  const editor = useAnnotationEditor(slug, assignmentId, annotation);
  const classes = view.taxonomy.classes;
  const keys = useMemo(() => classKeys(classes, ACTION_KEYS), [classes]);
  const chosen = new Set(editor.regions.map((r) => r.classId));
  const [reason, setReason] = useState<ReasonRequest | null>(null);
  const rework = view.assignment.directed && view.previous?.status === 'REJECTED' ? view.previous : null;

  const submit = useMutation({
    mutationFn: async () => {
      if (!(await editor.flush())) return false;
      await callApi(submitAssignment, { params, body: { version: editor.currentVersion() } });
      return true;
    },
    onSuccess: async (submitted) => {
      if (!submitted) return;
      editor.forgetDrafts();
      await onDone();
    },
  });
  const busy = submit.isPending || advancing;
  const canAct = active && !busy;

  function pick(classId: string) {
    if (!canAct || chosen.has(classId)) return;
    editor.change([{ id: newRegionId(), type: 'classification', classId, attributes: {} }]);
  }

  const askSkip = () =>
    setReason({
      title: 'Skip this item',
      description: 'It goes back to the queue for someone else. Your labels on it are dropped.',
      confirmLabel: 'Skip item',
      onConfirm: async (why) => {
        await callApi(skipAssignment, { params, body: { reason: why } });
        editor.forgetDrafts();
        await onDone();
      },
    });
  const askFlag = () =>
    setReason({
      title: 'Flag for an expert',
      description: 'The item goes to adjudication with your labels so far and your reason.',
      confirmLabel: 'Flag item',
      onConfirm: async (why) => {
        await editor.flush();
        await callApi(escalateAssignment, { params, body: { reason: why } });
        editor.forgetDrafts();
        await onDone();
      },
    });

  const shortcuts: Shortcut[] = [
    ...classes.flatMap((c, i) => (keys[i] ? [{ key: keys[i]!, label: c.name, run: () => pick(c.id) }] : [])),
    { key: 'enter', label: 'Submit', run: () => chosen.size > 0 && submit.mutate() },
    { key: 's', label: 'Skip (asks why)', run: askSkip },
    { key: 'f', label: 'Flag for an expert (asks why)', run: askFlag },
  ];

  return (
    <div className="space-y-3" data-testid="label-panel">
      {rework && <ReworkNotice view={view} previous={rework} regions={editor.regions} classes={classes} />}
      {view.previous && !rework && (
        <p className="text-xs text-zinc-600">
          {view.previous.passName}: <RegionChips regions={view.previous.regions} classes={classes} />
        </p>
      )}
      {editor.staleDraft && <StaleDraftNotice draft={editor.staleDraft} classes={classes} {...editor.staleActions} />}
      <div className="flex items-center gap-2">
        <h3 className="text-sm font-semibold text-zinc-900">Class</h3>
        <span className="ml-auto">
          <SaveStatusText status={editor.status} />
        </span>
        <KeyboardShortcuts shortcuts={shortcuts} enabled={canAct} />
      </div>
      {classes.length === 0 ? (
        <Notice tone="warning">This pass has no classes to choose from. Ask a data lead to check its scope.</Notice>
      ) : (
        <ClassPicker classes={classes} keys={keys} chosen={chosen} onPick={pick} disabled={!canAct} />
      )}
      <ActionError error={editor.status === 'conflict' || editor.status === 'error' ? editor.error : null} onReload={onReload} />
      {editor.status === 'error' && (
        <Button size="sm" onClick={() => void editor.flush()}>
          Retry saving
        </Button>
      )}
      <ActionError error={submit.error} onReload={onReload} />
      <div className="flex flex-wrap items-center gap-2 border-t border-zinc-100 pt-3">
        <Button
          variant="primary"
          pending={busy}
          disabled={!active || chosen.size === 0 || editor.status === 'conflict'}
          onClick={() => submit.mutate()}
        >
          Submit
        </Button>
        <Button disabled={!canAct || chosen.size === 0} onClick={() => editor.change([])}>
          Clear
        </Button>
        <Button variant="ghost" disabled={!canAct} onClick={askSkip}>
          Skip…
        </Button>
        <Button variant="ghost" disabled={!canAct} onClick={askFlag}>
          Flag…
        </Button>
      </div>
      {active && chosen.size === 0 && <p className="text-xs text-zinc-500">Pick a class to submit.</p>}
      <ReasonDialog request={reason} onClose={() => setReason(null)} />
    </div>
  );
}

/** Region ids only need to be unique within the annotation; random bytes work without a secure context. */
function newRegionId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');
}
