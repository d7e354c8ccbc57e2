'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { getAsset } from '@/lib/api/operations/assets';
import { CopyButton } from '../ui/copy-button';
import { NotFoundView } from '../ui/not-found-view';
import { Section } from '../ui/page-header';
import { ErrorState, LoadingState, Notice } from '../ui/states';
import { useApiQuery } from '../use-api';
import { AssetFacts } from './asset-facts';
import { AssetPreview } from './asset-preview';
import { DerivativesTable } from './derivatives-table';
import { KIND_LABELS } from './kind-icon';
import { QuarantineActions } from './quarantine-actions';
import { isSettled, StageBadge } from './stage-badge';
import { StageRuns } from './stage-runs';

export function AssetDetail({ slug, assetId, canWrite }: { slug: string; assetId: string; canWrite: boolean }) {
  const router = useRouter();
  const asset = useApiQuery(
    getAsset,
    { params: { projectId: slug, assetId } },
    // Follow an asset that is still in the pipeline until it settles.
    { refetchInterval: (query) => (query.state.data && !isSettled(query.state.data.stage) ? 2000 : false) },
  );

  if (asset.isPending) return <LoadingState label="Loading asset…" />;
  if (asset.isError) {
    if (asset.error.status === 404) return <NotFoundView what="asset" />;
    return <ErrorState error={asset.error} onRetry={() => void asset.refetch()} />;
  }
  const a = asset.data;

  return (
    <div className="space-y-6">
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-xs text-zinc-500">
            <Link href={`/projects/${slug}/assets`} className="hover:text-zinc-900">
              Assets
            </Link>{' '}
            / {KIND_LABELS[a.kind]}
          </p>
          <h2 className="flex items-center gap-2 truncate text-base font-semibold text-zinc-900">
            {a.filename} <StageBadge stage={a.stage} />
          </h2>
        </div>
      </div>
      {a.stage === 'QUARANTINED' && (
        <Notice tone="error">
          <div className="flex items-center justify-between gap-4">
            <span>
              <span className="font-medium">Quarantined:</span> {a.failureReason ?? 'no reason recorded'}
            </span>
            {canWrite && (
              <QuarantineActions
                slug={slug}
                assetId={a.id}
                filename={a.filename}
                onDiscarded={() => router.push(`/projects/${slug}/assets`)}
              />
            )}
          </div>
        </Notice>
      )}
      {a.duplicateOf && (
        <Notice>
          Same bytes as{' '}
          <Link className="font-medium underline" href={`/projects/${slug}/assets/${a.duplicateOf.id}`}>
            {a.duplicateOf.filename}
          </Link>
          .
        </Notice>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <AssetPreview asset={a} />
        <AssetFacts slug={slug} asset={a} />
      </div>
      <Section title="Hash">
        <div className="flex items-center gap-2">
          <code className="truncate rounded bg-zinc-100 px-2 py-1 font-mono text-xs text-zinc-800" data-testid="sha256">
            sha256:{a.sha256}
          </code>
          <CopyButton text={a.sha256} />
        </div>
      </Section>
      <Section
        title={`Derivatives (${a.derivatives.length})`}
        description="What the pipeline made from the original, and with which tool."
      >
        <DerivativesTable derivatives={a.derivatives} />
      </Section>
      <Section
        title={`Stage runs (${a.stageRuns.length})`}
        description="Every job that worked on this asset: the lineage and its timings."
      >
        <StageRuns runs={a.stageRuns} />
      </Section>
    </div>
  );
}
