'use client';

import { getTaxonomy } from '@/lib/api/operations/taxonomy';
import type { TRole } from '@/lib/schemas/project';
import { ROLE_LABELS } from '../ui/badge';
import { formatDate } from '../ui/format';
import { ErrorState, LoadingState, Notice } from '../ui/states';
import { useApiQuery } from '../use-api';
import { MigrationDecisions } from './migration-decisions';
import { MigrationProgress } from './migration-progress';
import { TaxonomyEditor } from './taxonomy-editor';
import { TaxonomyView } from './taxonomy-view';
import { VersionHistory } from './version-history';

export function TaxonomyPanel({ slug, canWrite, role }: { slug: string; canWrite: boolean; role: TRole }) {
  // No refetch behind the editor's back: a newer draft arrives only by our save or an explicit reload.
  const taxonomy = useApiQuery(
    getTaxonomy,
    { params: { projectId: slug } },
    { refetchOnWindowFocus: !canWrite, staleTime: canWrite ? Infinity : 10_000 },
  );

  if (taxonomy.isPending) return <LoadingState label="Loading taxonomy…" />;
  if (taxonomy.isError) return <ErrorState error={taxonomy.error} onRetry={() => void taxonomy.refetch()} />;
  const t = taxonomy.data;
  const editorKey = `${t.draft?.updatedAt ?? 'no-draft'}:${t.published?.id ?? 'none'}`;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_14rem]">
      <div className="min-w-0 space-y-3">
        <p className="text-sm text-zinc-600" data-testid="published-status">
          {t.published ? (
            <>
              Published: <strong className="text-zinc-900">version {t.published.version}</strong> ·{' '}
              {formatDate(t.published.publishedAt)}
            </>
          ) : (
            'Nothing published yet.'
          )}
        </p>
        <MigrationProgress slug={slug} />
        {canWrite && t.published && (
          <MigrationDecisions slug={slug} nameOf={(id) => t.published!.definition.classes.find((c) => c.id === id)?.name ?? id} />
        )}
        {canWrite ? (
          <TaxonomyEditor key={editorKey} slug={slug} taxonomy={t} />
        ) : (
          <>
            <Notice>
              Read-only: your role ({ROLE_LABELS[role]}) can use the taxonomy but not change it. Owners and data leads edit it.
            </Notice>
            {t.published ? (
              <TaxonomyView definition={t.published.definition} />
            ) : (
              <p className="text-sm text-zinc-500">There is nothing to show until a version is published.</p>
            )}
          </>
        )}
      </div>
      <aside>
        <VersionHistory slug={slug} versions={t.versions} />
      </aside>
    </div>
  );
}
