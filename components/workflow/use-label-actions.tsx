'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { callApi } from '@/lib/api/client';
import { escalateAssignment, skipAssignment, submitAssignment } from '@/lib/api/operations/workflow';
import type { Shortcut } from './keyboard-shortcuts';
import type { PanelProps } from './panel-props';
import { ReasonDialog, type ReasonRequest } from './reason-dialog';
import type { useAnnotationEditor } from './use-annotation-editor';

type AnnotationEditor = ReturnType<typeof useAnnotationEditor>;

/**
 * What every label pass does with its item, whatever the editor: submit (after the last save
 * landed), skip or flag for an expert (each asks why). The classification panel and the image
 * editor share it.
 */
export function useLabelActions({ slug, view, active, onDone, advancing }: PanelProps, editor: AnnotationEditor) {
  const params = { projectId: slug, assignmentId: view.assignment.id };
  const [reason, setReason] = useState<ReasonRequest | null>(null);

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

  /** The pass's keys: Enter submits when `canSubmit`, S skips, F flags. */
  const shortcuts = (canSubmit: boolean): Shortcut[] => [
    { key: 'enter', label: 'Submit', run: () => (canSubmit ? submit.mutate() : false) },
    { key: 's', label: 'Skip (asks why)', run: askSkip },
    { key: 'f', label: 'Flag for an expert (asks why)', run: askFlag },
  ];

  return {
    submit,
    busy,
    canAct: active && !busy,
    askSkip,
    askFlag,
    shortcuts,
    dialog: <ReasonDialog request={reason} onClose={() => setReason(null)} />,
  };
}

export type LabelActions = ReturnType<typeof useLabelActions>;
