'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, callApi } from '@/lib/api/client';
import { decideReview, skipAssignment } from '@/lib/api/operations/workflow';
import { Button } from '../ui/button';
import { EmptyState } from '../ui/states';
import { ActionError } from './action-error';
import { AnnotationCard } from './annotation-card';
import { KeyboardShortcuts, type Shortcut } from './keyboard-shortcuts';
import type { PanelProps } from './panel-props';
import { ReasonDialog, type ReasonRequest } from './reason-dialog';
import { RegionNotes, toRegionComments, type Notes } from './region-notes';
import { ReviewHistory } from './review-history';

type Decision = 'ACCEPT' | 'REJECT' | 'ESCALATE';

/** Judges the labels of the pass before: accept, reject back to the annotator, or escalate to an expert. */
export function ReviewPanel({ slug, view, active, onDone, onReload, advancing }: PanelProps) {
  const params = { projectId: slug, assignmentId: view.assignment.id };
  // The task as it was when this panel opened: if anyone changed it since, the decision gets a 409.
  const [taskVersion] = useState(view.task.version);
  const classes = view.taxonomy.classes;
  const [notes, setNotes] = useState<Notes>({});
  const [reason, setReason] = useState<ReasonRequest | null>(null);

  const decide = useMutation({
    mutationFn: ({ decision, comment }: { decision: Decision; comment: string }) =>
      callApi(decideReview, {
        params,
        body: { taskVersion, decision, comment, regionComments: toRegionComments(notes) },
      }),
    onSuccess: () => onDone(),
  });
  const busy = decide.isPending || advancing;
  const canAct = active && !busy && view.subjects.length > 0;

  // A conflict closes the prompt: the panel shows it with a reload, the reason would not help.
  async function decideWithReason(decision: Decision, comment: string) {
    try {
      await decide.mutateAsync({ decision, comment });
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 409)) throw e;
    }
  }

  const askReject = () =>
    setReason({
      title: 'Reject',
      description: 'The item goes back to its annotator with your reason and notes.',
      confirmLabel: 'Reject',
      onConfirm: (why) => decideWithReason('REJECT', why),
    });
  const askEscalate = () =>
    setReason({
      title: 'Escalate to an expert',
      description: 'The item goes to adjudication with your reason.',
      confirmLabel: 'Escalate',
      onConfirm: (why) => decideWithReason('ESCALATE', why),
    });
  const askSkip = () =>
    setReason({
      title: 'Skip this review',
      description: 'It goes back to the review queue for someone else.',
      confirmLabel: 'Skip',
      onConfirm: async (why) => {
        await callApi(skipAssignment, { params, body: { reason: why } });
        await onDone();
      },
    });

  const shortcuts: Shortcut[] = [
    { key: 'a', label: 'Accept', run: () => decide.mutate({ decision: 'ACCEPT', comment: '' }) },
    { key: 'r', label: 'Reject (asks why)', run: askReject },
    { key: 'e', label: 'Escalate (asks why)', run: askEscalate },
    { key: 's', label: 'Skip (asks why)', run: askSkip },
  ];

  return (
    <div className="space-y-3" data-testid="review-panel">
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-semibold text-zinc-900">Labels to review</h3>
        <KeyboardShortcuts shortcuts={shortcuts} enabled={canAct} />
      </div>
      {view.subjects.length === 0 && <EmptyState title="Nothing to review">This item has no submitted labels.</EmptyState>}
      {view.subjects.map((s) => (
        <AnnotationCard key={s.id} annotation={s} classes={classes}>
          <RegionNotes
            annotation={s}
            classes={classes}
            notes={notes}
            onChange={(key, body) => setNotes((all) => ({ ...all, [key]: body }))}
            disabled={!canAct}
          />
        </AnnotationCard>
      ))}
      <ReviewHistory reviews={view.reviews} />
      <ActionError error={decide.error} onReload={onReload} />
      <div className="flex flex-wrap items-center gap-2 border-t border-zinc-100 pt-3">
        <Button
          variant="primary"
          pending={busy}
          disabled={!canAct}
          onClick={() => decide.mutate({ decision: 'ACCEPT', comment: '' })}
        >
          Accept
        </Button>
        <Button variant="danger" disabled={!canAct} onClick={askReject}>
          Reject…
        </Button>
        <Button disabled={!canAct} onClick={askEscalate}>
          Escalate…
        </Button>
        <Button variant="ghost" disabled={!active || busy} onClick={askSkip}>
          Skip…
        </Button>
      </div>
      <ReasonDialog request={reason} onClose={() => setReason(null)} />
    </div>
  );
}
