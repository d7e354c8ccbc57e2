'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError, callApi, errorsByPath } from '@/lib/api/client';
import { getTaxonomy, publishTaxonomy, saveTaxonomyDraft } from '@/lib/api/operations/taxonomy';
import type { TTaxonomy } from '@/lib/schemas/taxonomy';
import { Button } from '../ui/button';
import { ConfirmButton } from '../ui/confirm-button';
import { FieldError } from '../ui/field';
import { formatRelative } from '../ui/format';
import { Notice } from '../ui/states';
import { apiKey } from '../use-api';
import { AddByName } from './add-by-name';
import { ClassEditor } from './class-editor';
import { fromDefinition, newClass, serverErrorsToEditor, toDefinition, validateDefinition, type EditClass } from './editor-model';
import { useUnsavedChangesWarning } from '../use-unsaved-changes-warning';

/**
 * Edits the draft of the next version. It starts from the draft, or from the published version when no
 * draft exists; the parent remounts it (key) whenever the server copy changes by our own save or an
 * explicit reload, never under the user's unsaved edits.
 */
export function TaxonomyEditor({ slug, taxonomy }: { slug: string; taxonomy: TTaxonomy }) {
  const queryClient = useQueryClient();
  const base = taxonomy.draft ?? taxonomy.published;
  const initial = useMemo(() => fromDefinition(base?.definition), [base]);
  const [classes, setClasses] = useState<EditClass[]>(initial);
  const [showErrors, setShowErrors] = useState(false);
  const dirty = JSON.stringify(toDefinition(classes)) !== JSON.stringify(toDefinition(initial));
  const localErrors = useMemo(() => validateDefinition(classes), [classes]);
  const initialIds = useMemo(() => new Set(initial.map((c) => c.id)), [initial]);
  const publishedIds = useMemo(() => taxonomy.published?.definition.classes.map((c) => c.id) ?? [], [taxonomy.published]);
  const key = apiKey(getTaxonomy, { params: { projectId: slug } });

  useUnsavedChangesWarning(dirty);

  const save = useMutation({
    mutationFn: () =>
      callApi(saveTaxonomyDraft, {
        params: { projectId: slug },
        body: { definition: toDefinition(classes), baseUpdatedAt: taxonomy.draft?.updatedAt ?? null },
      }),
    onSuccess: (draft) => queryClient.setQueryData<TTaxonomy>(key, (old) => (old ? { ...old, draft } : old)),
  });
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const errors = showErrors ? { ...localErrors, ...serverErrorsToEditor(errorsByPath(save.error)) } : {};

  function trySave() {
    setShowErrors(true);
    if (Object.keys(localErrors).length === 0) save.mutate();
  }

  async function publish() {
    await callApi(publishTaxonomy, { params: { projectId: slug } });
    await queryClient.invalidateQueries({ queryKey: [getTaxonomy.id] });
  }

  async function reload() {
    save.reset();
    await queryClient.refetchQueries({ queryKey: key });
  }

  const draft = taxonomy.draft;
  const nextVersion = draft?.version ?? (taxonomy.published?.version ?? 0) + 1;

  return (
    <div className="space-y-4">
      <div className="sticky top-0 z-10 -mx-1 flex flex-wrap items-center gap-3 border-b border-zinc-200 bg-zinc-50/95 px-1 py-2 backdrop-blur">
        <p className="text-sm text-zinc-600" data-testid="draft-status">
          {draft ? (
            <>
              Draft of <strong className="text-zinc-900">version {draft.version}</strong> · saved{' '}
              {formatRelative(draft.updatedAt)}
            </>
          ) : (
            <>No draft yet: saving starts version {nextVersion}.</>
          )}
          {dirty && <span className="ml-2 font-medium text-amber-700">Unsaved changes</span>}
        </p>
        <div className="ml-auto flex gap-2">
          <Button variant="primary" onClick={trySave} pending={save.isPending} disabled={!dirty || stale}>
            Save draft
          </Button>
          <ConfirmButton
            variant="primary"
            size="md"
            title={`Publish version ${nextVersion}?`}
            body={`Version ${nextVersion} becomes immutable: new labels use it, and later changes go into a new draft.`}
            confirmLabel={`Publish version ${nextVersion}`}
            onConfirm={publish}
            disabled={!draft || dirty}
          >
            Publish
          </ConfirmButton>
        </div>
      </div>
      {draft && dirty && <p className="-mt-2 text-xs text-zinc-500">Save the draft before publishing.</p>}
      {stale && (
        <Notice tone="warning">
          <span className="flex flex-wrap items-center gap-3">
            Someone else changed the draft — reload to see their version. Your unsaved edits here will be discarded.
            <Button size="sm" onClick={() => void reload()}>
              Reload
            </Button>
          </span>
        </Notice>
      )}
      {save.isError && !stale && <Notice tone="error">{save.error.message}</Notice>}
      {showErrors && Object.keys(localErrors).length > 0 && (
        <Notice tone="error">Fix the highlighted fields before saving.</Notice>
      )}
      <FieldError message={errors.classes} />
      {classes.length === 0 && <p className="text-sm text-zinc-500">No classes yet. Add the first one below.</p>}
      {classes.length > 0 && (
        <div className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white shadow-xs">
          {classes.map((c, i) => (
            <ClassEditor
              key={c.id}
              value={c}
              index={i}
              errors={errors}
              onChange={(next) => setClasses((all) => all.map((x, k) => (k === i ? next : x)))}
              onRemove={() => setClasses((all) => all.filter((_, k) => k !== i))}
              defaultOpen={!initialIds.has(c.id)}
            />
          ))}
        </div>
      )}
      <div className="rounded-lg border border-dashed border-zinc-300 bg-white px-4 py-3">
        <AddByName
          label="Add class"
          placeholder="New class name, e.g. Pedestrian"
          onAdd={(name) => setClasses((all) => [...all, newClass(name, all, publishedIds)])}
        />
      </div>
    </div>
  );
}
