'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { callApi } from '@/lib/api/client';
import { adjudicateTask, skipAssignment } from '@/lib/api/operations/workflow';
import { Button } from '../ui/button';
import { Field, Textarea } from '../ui/field';
import { EmptyState } from '../ui/states';
import { ActionError } from './action-error';
import { AnnotationCard } from './annotation-card';
import { EscalationFacts } from './escalation-facts';
import { KeyboardShortcuts, type Shortcut } from './keyboard-shortcuts';
import { labelsOf, MergePicker } from './merge-picker';
import type { PanelProps } from './panel-props';
import { ReasonDialog, type ReasonRequest } from './reason-dialog';
import { ReviewHistory } from './review-history';

/** The final word on an escalated item: take one version as it is, or merge labels from several. */
export function AdjudicatePanel({ slug, view, active, onDone, onReload, advancing }: PanelProps) {
  const params = { projectId: slug, assignmentId: view.assignment.id };
  // The task as it was when this panel opened: if anyone changed it since, the decision gets a 409.
  const [taskVersion] = useState(view.task.version);
  const classes = view.taxonomy.classes;
  const subjects = view.subjects;
  const [mode, setMode] = useState<'pick' | 'merge'>('pick');
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [merged, setMerged] = useState<Set<string>>(new Set());
  const [why, setWhy] = useState('');
  const [skip, setSkip] = useState<ReasonRequest | null>(null);

  const ready = why.trim().length > 0 && (mode === 'pick' ? chosenId !== null : merged.size > 0);
  const decide = useMutation({
    mutationFn: () => {
      const choice =
        mode === 'pick'
          ? { chosenAnnotationId: chosenId! }
          : {
              regions: labelsOf(subjects)
                .filter((l) => merged.has(l.region.classId))
                .map((l) => l.region),
            };
      return callApi(adjudicateTask, { params, body: { taskVersion, reason: why.trim(), ...choice } });
    },
    onSuccess: () => onDone(),
  });
  const busy = decide.isPending || advancing;
  const canAct = active && !busy;

  const askSkip = () =>
    setSkip({
      title: 'Skip this item',
      description: 'It goes back to the adjudication queue for another expert.',
      confirmLabel: 'Skip',
      onConfirm: async (reason) => {
        await callApi(skipAssignment, { params, body: { reason } });
        await onDone();
      },
    });
  const toggle = (classId: string) =>
    setMerged((all) => {
      const next = new Set(all);
      if (!next.delete(classId)) next.add(classId);
      return next;
    });

  const shortcuts: Shortcut[] = [
    ...subjects.slice(0, 9).map((s, i) => ({
      key: String(i + 1),
      label: `Choose ${s.author.name}'s version`,
      run: () => {
        setMode('pick');
        setChosenId(s.id);
      },
    })),
    { key: 'enter', label: 'Decide (needs a reason)', run: () => ready && decide.mutate() },
    { key: 's', label: 'Skip (asks why)', run: askSkip },
  ];

  return (
    <div className="space-y-3" data-testid="adjudicate-panel">
      {view.escalation && <EscalationFacts escalation={view.escalation} />}
      {subjects.length === 0 && <EmptyState title="No versions to compare">Nobody submitted labels for this item.</EmptyState>}
      <div className="flex items-center gap-1 text-xs">
        <span className="contents" role="radiogroup" aria-label="How to decide">
          {(['pick', 'merge'] as const).map((m) => (
            <label
              key={m}
              className="inline-flex items-center gap-1.5 rounded-md border border-zinc-200 bg-white px-2 py-1 has-checked:border-accent-500"
            >
              <input type="radio" name="adjudication-mode" checked={mode === m} onChange={() => setMode(m)} disabled={!canAct} />
              {m === 'pick' ? 'Take one version' : 'Merge labels'}
            </label>
          ))}
        </span>
        <span className="ml-auto">
          <KeyboardShortcuts shortcuts={shortcuts} enabled={canAct} />
        </span>
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
        {subjects.map((s, i) => (
          <AnnotationCard key={s.id} annotation={s} classes={classes} selected={mode === 'pick' && chosenId === s.id}>
            {mode === 'pick' && (
              <label className="flex items-center gap-2 text-xs text-zinc-700">
                <input
                  type="radio"
                  name="chosen-annotation"
                  checked={chosenId === s.id}
                  onChange={() => setChosenId(s.id)}
                  disabled={!canAct}
                />
                Take this version {i < 9 && <span className="text-zinc-400">({i + 1})</span>}
              </label>
            )}
          </AnnotationCard>
        ))}
      </div>
      {mode === 'merge' && (
        <MergePicker subjects={subjects} classes={classes} chosen={merged} onToggle={toggle} disabled={!canAct} />
      )}
      <ReviewHistory reviews={view.reviews} />
      <Field label="Reason for the decision">
        <Textarea rows={2} value={why} onChange={(e) => setWhy(e.target.value)} maxLength={4000} disabled={!canAct} />
      </Field>
      {active && !ready && (
        <p className="text-xs text-zinc-500">
          {mode === 'pick' ? 'Choose a version' : 'Tick the labels to keep'} and give a reason to decide.
        </p>
      )}
      <ActionError error={decide.error} onReload={onReload} />
      <div className="flex flex-wrap items-center gap-2 border-t border-zinc-100 pt-3">
        <Button variant="primary" pending={busy} disabled={!canAct || !ready} onClick={() => decide.mutate()}>
          Decide
        </Button>
        <Button variant="ghost" disabled={!canAct} onClick={askSkip}>
          Skip…
        </Button>
      </div>
      <ReasonDialog request={skip} onClose={() => setSkip(null)} />
    </div>
  );
}
