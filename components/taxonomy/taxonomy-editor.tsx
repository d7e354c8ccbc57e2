'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { ApiError, callApi, errorsByPath } from '@/lib/api/client';
import {
  dryRunTaxonomyMigration,
  getTaxonomy,
  listTaxonomyMigrations,
  publishTaxonomy,
  saveTaxonomyDraft,
} from '@/lib/api/operations/taxonomy';
import type { TTaxonomy, TTaxonomyVersion } from '@/lib/schemas/taxonomy';
import type { TTaxonomyOperation } from '@/lib/taxonomy-migration/operations';
import { Button } from '../ui/button';
import { ConfirmButton } from '../ui/confirm-button';
import { FieldError } from '../ui/field';
import { formatRelative } from '../ui/format';
import { Notice } from '../ui/states';
import { apiKey, useApiQuery } from '../use-api';
import { AddByName } from './add-by-name';
import { applyClassChange, type ClassChange } from './class-changes';
import { ClassEditor } from './class-editor';
import { LabelChangesPanel } from './label-changes-panel';
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
  const initialOperations = useMemo(() => taxonomy.draft?.operations ?? [], [taxonomy.draft]);
  const [operations, setOperations] = useState<TTaxonomyOperation[]>(initialOperations);
  // Changes made in this session, newest last, with what they replaced: "undo last change" restores it.
  const [undo, setUndo] = useState<{ classes: EditClass[]; operations: TTaxonomyOperation[] }[]>([]);
  const [showErrors, setShowErrors] = useState(false);
  const dirty =
    JSON.stringify(toDefinition(classes)) !== JSON.stringify(toDefinition(initial)) ||
    JSON.stringify(operations) !== JSON.stringify(initialOperations);
  const localErrors = useMemo(() => validateDefinition(classes), [classes]);
  const initialIds = useMemo(() => new Set(initial.map((c) => c.id)), [initial]);
  const publishedIds = useMemo(() => taxonomy.published?.definition.classes.map((c) => c.id) ?? [], [taxonomy.published]);
  const key = apiKey(getTaxonomy, { params: { projectId: slug } });
  const published = taxonomy.published;
  // A change names a class as the labels know it (its published name); classes it creates, by their new name.
  const names = useMemo(
    () => new Map([...toDefinition(classes).classes, ...(published?.definition.classes ?? [])].map((c) => [c.id, c.name])),
    [published, classes],
  );
  const nameOf = (id: string) => names.get(id) ?? id;
  const changeable = classes.filter((c) => publishedIds.includes(c.id) && !c.deprecated);
  const publishedAttributes = useMemo(
    () => new Map(published?.definition.classes.map((c) => [c.id, c.attributes.map((a) => a.id)]) ?? []),
    [published],
  );
  // The dry run counts what is stored: only for a saved draft following a published version.
  const showImpact = !!published && !!taxonomy.draft && !dirty;
  const impact = useApiQuery(
    dryRunTaxonomyMigration,
    { params: { projectId: slug } },
    { enabled: showImpact, staleTime: Infinity },
  );
  // Problems the dry run found hold the publish back; while it counts, publishing stays possible (the server checks again).
  const blocked = showImpact && (impact.data?.problems.length ?? 0) > 0;

  function applyChange(change: ClassChange) {
    const result = applyClassChange(classes, change, publishedIds);
    setUndo((all) => [...all, { classes, operations }]);
    setClasses(result.classes);
    setOperations((all) => [...all, result.operation]);
  }

  function undoLast() {
    const last = undo.at(-1);
    if (!last) return;
    setClasses(last.classes);
    setOperations(last.operations);
    setUndo((all) => all.slice(0, -1));
  }

  useUnsavedChangesWarning(dirty);

  const save = useMutation({
    mutationFn: () =>
      callApi(saveTaxonomyDraft, {
        params: { projectId: slug },
        body: { definition: toDefinition(classes), operations, baseUpdatedAt: taxonomy.draft?.updatedAt ?? null },
      }),
    onSuccess: async (draft) => {
      // A first save starts a version: the history lists it (and can compare it) at once.
      queryClient.setQueryData<TTaxonomy>(key, (old) =>
        old ? { ...old, draft, versions: withDraft(old.versions, draft) } : old,
      );
      await queryClient.invalidateQueries({ queryKey: [dryRunTaxonomyMigration.id] });
    },
  });
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const errors = showErrors ? { ...localErrors, ...serverErrorsToEditor(errorsByPath(save.error)) } : {};

  function trySave() {
    setShowErrors(true);
    if (Object.keys(localErrors).length === 0) save.mutate();
  }

  async function publish() {
    await callApi(publishTaxonomy, { params: { projectId: slug } });
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: [getTaxonomy.id] }),
      queryClient.invalidateQueries({ queryKey: [listTaxonomyMigrations.id] }),
    ]);
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
            body={
              published
                ? `Version ${nextVersion} becomes immutable and new labels use it; ${impact.data ? `the ${impact.data.annotations.toLocaleString('en')}` : 'the'} labels of version ${published.version} are moved to it in the background, as the dry run shows.`
                : `Version ${nextVersion} becomes immutable: new labels use it, and later changes go into a new draft.`
            }
            confirmLabel={`Publish version ${nextVersion}`}
            onConfirm={publish}
            disabled={!draft || dirty || blocked}
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
      {published && (
        <LabelChangesPanel
          slug={slug}
          publishedVersion={published.version}
          operations={operations}
          changeable={changeable}
          all={classes}
          publishedAttributes={publishedAttributes}
          nameOf={nameOf}
          onApply={applyChange}
          onUndoLast={undo.length > 0 ? undoLast : null}
          report={showImpact ? impact : null}
        />
      )}
    </div>
  );
}

function withDraft(versions: TTaxonomy['versions'], draft: TTaxonomyVersion): TTaxonomy['versions'] {
  if (versions.some((v) => v.id === draft.id)) return versions;
  const { id, version, status, publishedAt, publishedBy } = draft;
  return [{ id, version, status, publishedAt, publishedBy }, ...versions];
}
