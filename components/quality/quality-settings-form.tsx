'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { callApi, errorMessage, errorsByPath } from '@/lib/api/client';
import { getQualityReport, getQualitySettings, saveQualitySettings } from '@/lib/api/operations/quality';
import type { TQualitySettings } from '@/lib/schemas/quality';
import type { TPerson } from '@/lib/schemas/workflow';
import { Button } from '../ui/button';
import { Field, Input } from '../ui/field';
import { Notice } from '../ui/states';

const NUMBERS = [
  ['iouThreshold', 'Match at IoU ≥', 'Two regions are one object from this overlap (OKS for keypoints).', 0.05],
  ['baselineWeeks', 'Baseline weeks', 'Calendar weeks from the first week with data; later weeks are compared with them.', 1],
  ['agreementDropThreshold', 'Alert when α drops by', 'Below the baseline’s α, with the week’s whole interval below it.', 0.01],
  ['labelShiftThreshold', 'Alert at label shift ≥', 'Jensen–Shannon distance from the baseline’s label mix (0–1).', 0.01],
  ['minWeeklyLabels', 'Labels a week needs', 'Weeks with fewer labels are not tested for a shift.', 1],
] as const;

/** The report's thresholds and the annotator cohorts; saving queues a recomputation. */
export function QualitySettingsForm({
  slug,
  settings,
  people,
}: {
  slug: string;
  settings: TQualitySettings;
  people: readonly TPerson[];
}) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(settings);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setStatus(null);
    try {
      const saved = await callApi(saveQualitySettings, { params: { projectId: slug }, body: draft });
      setDraft(saved);
      setErrors({});
      setStatus({ tone: 'success', text: 'Saved. The report is being recomputed with these settings.' });
      await queryClient.invalidateQueries({ queryKey: [getQualitySettings.id] });
      await queryClient.invalidateQueries({ queryKey: [getQualityReport.id] });
    } catch (error) {
      setErrors(errorsByPath(error));
      setStatus({ tone: 'error', text: errorMessage(error) });
    } finally {
      setPending(false);
    }
  }

  const setCohort = (i: number, cohort: TQualitySettings['cohorts'][number] | null) =>
    setDraft((d) => ({
      ...d,
      cohorts: cohort ? d.cohorts.map((c, k) => (k === i ? cohort : c)) : d.cohorts.filter((_, k) => k !== i),
    }));

  return (
    <form
      onSubmit={save}
      className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 shadow-xs"
      aria-label="Quality settings"
    >
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {NUMBERS.map(([key, label, hint, step]) => (
          <Field key={key} label={label} hint={hint} error={errors[key]}>
            <Input
              type="number"
              step={step}
              value={draft[key]}
              invalid={!!errors[key]}
              onChange={(e) =>
                setDraft((d) => ({ ...d, [key]: e.target.value === '' ? ('' as unknown as number) : Number(e.target.value) }))
              }
            />
          </Field>
        ))}
      </div>
      <fieldset className="space-y-2">
        <legend className="text-xs font-medium text-zinc-700">Cohorts</legend>
        {draft.cohorts.map((cohort, i) => (
          <div key={i} className="flex flex-wrap items-start gap-3 rounded-md border border-zinc-100 p-2">
            <Field label="Name" className="w-44" error={errors[`cohorts.${i}.name`]}>
              <Input compact value={cohort.name} onChange={(e) => setCohort(i, { ...cohort, name: e.target.value })} />
            </Field>
            <div className="flex flex-1 flex-wrap gap-x-3 gap-y-1 pt-5 text-sm">
              {people.map((p) => (
                <label key={p.id} className="flex items-center gap-1 text-zinc-700">
                  <input
                    type="checkbox"
                    checked={cohort.memberIds.includes(p.id)}
                    onChange={(e) =>
                      setCohort(i, {
                        ...cohort,
                        memberIds: e.target.checked ? [...cohort.memberIds, p.id] : cohort.memberIds.filter((id) => id !== p.id),
                      })
                    }
                  />
                  {p.name}
                </label>
              ))}
              {errors[`cohorts.${i}.memberIds`] && (
                <span className="w-full text-xs text-red-600">{errors[`cohorts.${i}.memberIds`]}</span>
              )}
            </div>
            <Button size="sm" variant="ghost" className="mt-5" onClick={() => setCohort(i, null)}>
              Remove
            </Button>
          </div>
        ))}
        {errors.cohorts && <p className="text-xs text-red-600">{errors.cohorts}</p>}
        <Button size="sm" onClick={() => setDraft((d) => ({ ...d, cohorts: [...d.cohorts, { name: '', memberIds: [] }] }))}>
          Add a cohort
        </Button>
      </fieldset>
      {status && <Notice tone={status.tone}>{status.text}</Notice>}
      <Button type="submit" variant="primary" pending={pending}>
        Save settings
      </Button>
    </form>
  );
}
