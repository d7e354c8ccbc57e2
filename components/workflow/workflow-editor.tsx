'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { callApi, errorsByPath } from '@/lib/api/client';
import { getWorkflow, saveWorkflow } from '@/lib/api/operations/workflow';
import type { TTaxonomyClass } from '@/lib/schemas/taxonomy';
import { PASS_KINDS, type TWorkflow } from '@/lib/schemas/workflow';
import { Button } from '../ui/button';
import { FieldError } from '../ui/field';
import { Notice } from '../ui/states';
import { apiKey } from '../use-api';
import { PASS_KIND_LABELS } from './pass-kind';
import { PassEditor } from './pass-editor';
import { fromPasses, move, newPass, toSave, validateWorkflow, type EditPass } from './workflow-model';

/** Edits the passes as one list and saves them together (the API replaces the list in one go). */
export function WorkflowEditor({
  slug,
  workflow,
  classes,
}: {
  slug: string;
  workflow: TWorkflow;
  classes: readonly TTaxonomyClass[];
}) {
  const queryClient = useQueryClient();
  const initial = useMemo(() => fromPasses(workflow.passes), [workflow.passes]);
  const [passes, setPasses] = useState<EditPass[]>(() => (initial.length > 0 ? initial : [newPass('LABEL', 'new-0')]));
  const [autoCreate, setAutoCreate] = useState(workflow.autoCreateTasks);
  const [showErrors, setShowErrors] = useState(false);
  const nextKey = useRef(1);
  const dirty = JSON.stringify(toSave(passes, autoCreate)) !== JSON.stringify(toSave(initial, workflow.autoCreateTasks));
  const localErrors = useMemo(() => validateWorkflow(passes), [passes]);

  const save = useMutation({
    mutationFn: () => callApi(saveWorkflow, { params: { projectId: slug }, body: toSave(passes, autoCreate) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(apiKey(getWorkflow, { params: { projectId: slug } }), saved);
      // New passes get their ids here, so the next save updates them instead of adding them again.
      setPasses(fromPasses(saved.passes));
    },
  });
  // Field problems show next to their field; anything else (a 409 for removing a pass that still holds tasks) on top.
  const serverErrors = errorsByPath(save.error);
  const errors = showErrors ? { ...localErrors, ...serverErrors } : {};

  function trySave() {
    setShowErrors(true);
    if (Object.keys(localErrors).length === 0) save.mutate();
  }

  function add(kind: EditPass['kind']) {
    setPasses((all) => [...all, newPass(kind, `new-${nextKey.current++}`)]);
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm text-zinc-600" data-testid="workflow-status">
          {passes.length} pass{passes.length === 1 ? '' : 'es'}
          {dirty && <span className="ml-2 font-medium text-amber-700">Unsaved changes</span>}
        </p>
        <div className="ml-auto flex gap-2">
          {PASS_KINDS.map((kind) => (
            <Button key={kind} size="sm" onClick={() => add(kind)}>
              + {PASS_KIND_LABELS[kind]} pass
            </Button>
          ))}
          <Button variant="primary" onClick={trySave} pending={save.isPending} disabled={!dirty && workflow.passes.length > 0}>
            Save workflow
          </Button>
        </div>
      </div>
      {save.error && Object.keys(serverErrors).length === 0 && <Notice tone="error">{save.error.message}</Notice>}
      {showErrors && Object.keys(localErrors).length > 0 && (
        <Notice tone="error">Fix the highlighted fields before saving.</Notice>
      )}
      {save.isSuccess && !dirty && <Notice tone="success">Workflow saved.</Notice>}
      <label className="flex items-center gap-2 text-sm text-zinc-700">
        <input type="checkbox" checked={autoCreate} onChange={(e) => setAutoCreate(e.target.checked)} />
        Create a task in the first pass for every asset that becomes READY
      </label>
      <FieldError message={errors.passes ?? errors['']} />
      <ol className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white shadow-xs" aria-label="Passes">
        {passes.map((pass, i) => (
          <PassEditor
            key={pass.key}
            pass={pass}
            index={i}
            count={passes.length}
            errors={errors}
            classes={classes}
            onChange={(next) => setPasses((all) => all.map((p, k) => (k === i ? next : p)))}
            onMove={(to) => setPasses((all) => move(all, i, to))}
            onRemove={() => setPasses((all) => all.filter((_, k) => k !== i))}
          />
        ))}
      </ol>
    </div>
  );
}
