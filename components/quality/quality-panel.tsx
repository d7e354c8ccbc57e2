'use client';

import Link from 'next/link';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { buildUrl, callApi } from '@/lib/api/client';
import { exportQualityCsv, getQualityReport, getQualitySettings, refreshQualityReport } from '@/lib/api/operations/quality';
import type { TQualityFamily, TQualityReportBody } from '@/lib/schemas/quality';
import { Badge } from '../ui/badge';
import { Button, buttonClass } from '../ui/button';
import { formatDateTime, formatRelative } from '../ui/format';
import { Card, Section } from '../ui/page-header';
import { EmptyState, ErrorState, LoadingState, Notice, Spinner } from '../ui/states';
import { apiKey, useApiQuery } from '../use-api';
import { AttributeTable, CohortTable } from './agreement-tables';
import { ConfusionMatrix } from './confusion-matrix';
import type { ItemFilter } from './item-filter';
import { ItemsTable } from './items-table';
import { LabelChart } from './label-chart';
import { PairHeatmap } from './pair-heatmap';
import { FAMILY_LABELS, formatWeek } from './quality-format';
import { QualitySettingsForm } from './quality-settings-form';
import { SummaryCards } from './summary-cards';
import { WeeklyChart } from './weekly-chart';

/** The project's agreement report: figures, charts, drift alerts, and the items behind every number. */
export function QualityPanel({ slug, canManage }: { slug: string; canManage: boolean }) {
  const params = { params: { projectId: slug } };
  const quality = useApiQuery(getQualityReport, params, {
    // Poll while a worker computes; a fresh report needs no polling.
    refetchInterval: (query) => (query.state.data?.computing ? 2_000 : false),
  });
  if (quality.isPending) return <LoadingState label="Loading the quality report…" />;
  if (quality.isError) return <ErrorState error={quality.error} onRetry={() => void quality.refetch()} />;
  const { report, computing, fresh, comparableTasks } = quality.data;

  if (!report) {
    return comparableTasks === 0 ? (
      <EmptyState title="Nothing to compare yet">
        Agreement needs items labeled by more than one annotator. Give a label pass an overlap of 2 or more in the{' '}
        <Link href={`/projects/${slug}/workflow`} className="text-accent-700 hover:underline">
          workflow
        </Link>
        ; the report appears once such items are submitted.
      </EmptyState>
    ) : (
      <Notice>
        <span className="flex items-center gap-2">
          <Spinner /> Computing the first report from {comparableTasks} double-labeled items…
        </span>
      </Notice>
    );
  }
  return <Report slug={slug} report={report} computing={computing} fresh={fresh} canManage={canManage} />;
}

function Report({
  slug,
  report,
  computing,
  fresh,
  canManage,
}: {
  slug: string;
  report: TQualityReportBody;
  computing: boolean;
  fresh: boolean;
  canManage: boolean;
}) {
  const queryClient = useQueryClient();
  const families = [...new Set(report.overall.map((o) => o.family))];
  const [filter, setFilter] = useState<ItemFilter>({
    family: families.find((f) => f !== 'classification') ?? families[0] ?? 'regions',
  });
  const [refreshing, setRefreshing] = useState(false);
  const items = useRef<HTMLDivElement>(null);
  const family = filter.family;
  const settings = useApiQuery(getQualitySettings, { params: { projectId: slug } }, { enabled: canManage });

  const drill = (next: Omit<ItemFilter, 'family'> & { family?: TQualityFamily }) => {
    setFilter({ family, ...next });
    items.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  async function recompute() {
    setRefreshing(true);
    try {
      const next = await callApi(refreshQualityReport, { params: { projectId: slug } });
      queryClient.setQueryData(apiKey(getQualityReport, { params: { projectId: slug } }), next);
    } finally {
      setRefreshing(false);
    }
  }
  const confusion = report.confusion.find((c) => c.family === family);
  const nameOf = new Map(report.people.map((p) => [p.id, p.name]));
  const className = new Map(report.classes.map((c) => [c.id, c.name]));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3 text-sm text-zinc-600">
        <span data-testid="computed-at" title={formatDateTime(report.computedAt)}>
          Computed {formatRelative(report.computedAt)} from {report.tasks} items ({report.annotations} annotations) in{' '}
          {report.durationMs} ms
        </span>
        {computing ? (
          <Badge tone="blue">
            <Spinner className="mr-1 size-2.5" /> recomputing
          </Badge>
        ) : (
          !fresh && <Badge tone="amber">out of date</Badge>
        )}
        {report.skippedRegions > 0 && <Badge tone="amber">{report.skippedRegions} malformed regions left out</Badge>}
        <span className="ml-auto flex gap-2">
          <a href={buildUrl(exportQualityCsv.path, { projectId: slug })} className={buttonClass('secondary', 'sm')} download>
            Download CSV
          </a>
          {canManage && (
            <Button size="sm" onClick={() => void recompute()} pending={refreshing || computing}>
              Recompute
            </Button>
          )}
        </span>
      </div>

      {report.alerts.length > 0 && (
        <div className="space-y-1.5" data-testid="quality-alerts">
          {report.alerts.map((a) => (
            <Notice key={`${a.family}-${a.kind}-${a.week}`} tone="warning">
              <button
                type="button"
                className="text-left hover:underline"
                onClick={() => drill({ family: a.family, week: a.week })}
              >
                <span className="font-medium">
                  {FAMILY_LABELS[a.family]}, week of {formatWeek(a.week)}:
                </span>{' '}
                {a.message}
              </button>
            </Notice>
          ))}
        </div>
      )}

      <SummaryCards overall={report.overall} family={family} onPick={(f) => setFilter({ family: f })} />

      <div className="grid gap-4 lg:grid-cols-2">
        <Card className="p-4">
          <Section title="Per label" description={`${FAMILY_LABELS[family]}: each label against every other answer.`}>
            <LabelChart labels={report.labels.filter((l) => l.family === family)} onPick={(classId) => drill({ classId })} />
          </Section>
        </Card>
        <Card className="p-4">
          <Section title="Annotator pairs" description="Who agrees with whom.">
            <PairHeatmap
              pairs={report.pairs.filter((p) => p.family === family)}
              people={report.people}
              onPick={(pair) => drill({ pair })}
            />
          </Section>
        </Card>
      </div>

      <Card className="p-4">
        <Section
          title="Week by week"
          description="Agreement against the baseline weeks, and how far the label mix moved from theirs."
        >
          <WeeklyChart report={report} family={family} onPick={(week) => drill({ week })} />
        </Section>
      </Card>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card className="p-4">
          <Section title="Confusion between annotators">
            {confusion ? <ConfusionMatrix confusion={confusion} onPick={(classId) => drill({ classId })} /> : null}
          </Section>
        </Card>
        <div className="space-y-4">
          <Section title="Attributes">
            <AttributeTable attributes={report.attributes.filter((a) => a.family === family)} classes={report.classes} />
          </Section>
          <Section title="Cohorts" description="All region types together.">
            <CohortTable cohorts={report.cohorts} people={report.people} onPick={(cohort) => drill({ cohort })} />
          </Section>
        </div>
      </div>

      <div ref={items} className="scroll-mt-4">
        <Section
          title="Items"
          description={
            <FilterChips
              filter={filter}
              describe={{ person: (id) => nameOf.get(id) ?? id, label: (id) => className.get(id) ?? id }}
              onClear={() => setFilter({ family })}
            />
          }
        >
          <ItemsTable slug={slug} filter={filter} canManage={canManage} />
        </Section>
      </div>

      {canManage && settings.data && (
        <Section title="Settings" description="Thresholds of the report and its drift alerts, and the cohorts.">
          <QualitySettingsForm slug={slug} settings={settings.data} people={report.people} />
        </Section>
      )}
    </div>
  );
}

function FilterChips({
  filter,
  describe,
  onClear,
}: {
  filter: ItemFilter;
  describe: { person: (id: string) => string; label: (id: string) => string };
  onClear: () => void;
}) {
  const chips = [
    FAMILY_LABELS[filter.family],
    filter.classId && `label ${describe.label(filter.classId)}`,
    filter.pair && `${describe.person(filter.pair[0])} × ${describe.person(filter.pair[1])}`,
    filter.annotator && describe.person(filter.annotator),
    filter.week && `week of ${formatWeek(filter.week)}`,
    filter.cohort && `cohort ${filter.cohort}`,
  ].filter(Boolean);
  return (
    <span className="flex flex-wrap items-center gap-1.5" data-testid="item-filter">
      {chips.map((c) => (
        <Badge key={String(c)} tone="accent">
          {c}
        </Badge>
      ))}
      {chips.length > 1 && (
        <button type="button" className="text-accent-700 hover:underline" onClick={onClear}>
          clear
        </button>
      )}
    </span>
  );
}
