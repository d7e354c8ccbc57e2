'use client';

import Link from 'next/link';
import { getSnapshot } from '@/lib/api/operations/snapshots';
import type { TSnapshotView } from '@/lib/schemas/snapshot';
import { CopyField } from '../ui/copy-button';
import { formatDateTime } from '../ui/format';
import { NotFoundView } from '../ui/not-found-view';
import { Card, PageHeader, Section } from '../ui/page-header';
import { ErrorState, LoadingState } from '../ui/states';
import { useApiQuery } from '../use-api';
import { ClassSplitChart } from './class-split-chart';
import { ExportPanel } from './export-panel';
import { SnapshotDiff } from './snapshot-diff';

/** One snapshot: what it holds and how it was made (its lineage), and its exports. */
export function SnapshotDetail({ slug, version }: { slug: string; version: number }) {
  const snapshot = useApiQuery(
    getSnapshot,
    { params: { projectId: slug, version } },
    // Poll while an export is being built, to move its progress bar.
    {
      refetchInterval: (query) =>
        query.state.data?.exports.some((e) => e.status === 'QUEUED' || e.status === 'BUILDING') ? 1000 : false,
    },
  );
  if (snapshot.isPending) return <LoadingState label="Loading the snapshot…" />;
  if (snapshot.isError) {
    if (snapshot.error.status === 404) return <NotFoundView what="snapshot" />;
    return <ErrorState error={snapshot.error} onRetry={() => void snapshot.refetch()} />;
  }
  const s = snapshot.data;
  return (
    <div className="space-y-6">
      <PageHeader
        title={
          <>
            <Link href={`/projects/${slug}/snapshots`} className="text-zinc-500 hover:text-zinc-900">
              Snapshots
            </Link>{' '}
            / v{s.version} · {s.name}
          </>
        }
        description={`${s.itemCount.toLocaleString()} items, made ${formatDateTime(s.createdAt)} by ${s.createdBy.name}. Immutable: later edits never change it.`}
      />
      <Facts snapshot={s} />
      <Section title="Labels per class and split">
        <Card className="p-3">
          <ClassSplitChart snapshot={s} />
        </Card>
      </Section>
      <Section title="Compared with another version">
        <SnapshotDiff slug={slug} snapshot={s} />
      </Section>
      <Section
        title="Exports"
        description="A zip with the format’s files, manifest.json (every item’s hash, source, consent, labelers and reviews) and checksums.sha256."
      >
        <ExportPanel slug={slug} snapshot={s} />
      </Section>
    </div>
  );
}

function Facts({ snapshot: s }: { snapshot: TSnapshotView }) {
  const m = s.manifest;
  const split = `${Math.round(s.split.train * 100)} / ${Math.round(s.split.val * 100)} / ${Math.round(s.split.test * 100)} %, seed “${s.split.seed}”${s.split.stratified ? ', stratified by class' : ''}`;
  const perSplit = (['train', 'val', 'test'] as const).map((k) => `${k} ${(m?.perSplit[k] ?? 0).toLocaleString()}`).join(' · ');
  const agreement = m?.agreement
    ? Object.entries(m.agreement)
        .map(([k, v]) => `${k}: α ${v === null ? '—' : v.toFixed(2)}`)
        .join(' · ')
    : 'no report yet';
  const rows: [string, string][] = [
    [
      'Items',
      `${perSplit}${
        m
          ? ` (${Object.entries(m.kinds)
              .map(([k, n]) => `${n} ${k.toLowerCase()}`)
              .join(', ')})`
          : ''
      }`,
    ],
    ['Filter', describeFilter(s)],
    ['Split', split],
    ['Taxonomy', m ? `version ${m.taxonomy.version} (pinned)` : '—'],
    ['Agreement then', agreement],
    ['Code', m?.appCommit.slice(0, 12) ?? '—'],
  ];
  return (
    <Card className="p-4">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]" data-testid="snapshot-facts">
        {rows.map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="text-zinc-500">{term}</dt>
            <dd className="text-zinc-900">{value}</dd>
          </div>
        ))}
        <dt className="text-zinc-500">Checksum</dt>
        <dd>{s.checksum && <CopyField value={s.checksum} label="Items checksum (sha256)" />}</dd>
      </dl>
    </Card>
  );
}

/** The filter in words: which items, classes, kinds, import batches and finishing days it took. */
function describeFilter({ filter: f, classes }: TSnapshotView): string {
  const names = new Map(classes.map((c) => [c.id, c.name]));
  const parts = [f.status === 'accepted' ? 'accepted items' : 'every finished item'];
  if (f.classIds.length > 0) parts.push(`with ${f.classIds.map((id) => names.get(id) ?? id).join(' or ')}`);
  if (f.kinds.length > 0) parts.push(`${f.kinds.map((k) => k.toLowerCase()).join(', ')} only`);
  if (f.importBatchIds.length > 0)
    parts.push(`from ${f.importBatchIds.length} import batch${f.importBatchIds.length > 1 ? 'es' : ''}`);
  if (f.doneFrom || f.doneBefore) {
    parts.push(
      `finished ${[f.doneFrom && `from ${f.doneFrom}`, f.doneBefore && `before ${f.doneBefore}`].filter(Boolean).join(' ')}`,
    );
  }
  return parts.join(' · ');
}
