'use client';

import { getTaxonomyVersion } from '@/lib/api/operations/taxonomy';
import { Badge } from '../ui/badge';
import { formatDateTime } from '../ui/format';
import { ErrorState, LoadingState } from '../ui/states';
import { useApiQuery } from '../use-api';
import { TaxonomyView } from './taxonomy-view';
import { VersionPage } from './version-page';

export function VersionViewer({ slug, version }: { slug: string; version: number }) {
  const v = useApiQuery(getTaxonomyVersion, { params: { projectId: slug, version } });

  return (
    <VersionPage slug={slug} current={version}>
      {v.isPending ? (
        <LoadingState label={`Loading version ${version}…`} />
      ) : v.isError ? (
        <ErrorState
          error={v.error}
          title={v.error.status === 404 ? `There is no version ${version}` : 'Could not load this version'}
        />
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="text-base font-semibold text-zinc-900">Version {v.data.version}</h2>
            {v.data.status === 'PUBLISHED' ? (
              <Badge tone="green">published · read-only</Badge>
            ) : (
              <Badge tone="amber">draft</Badge>
            )}
            {v.data.publishedAt && <span className="text-xs text-zinc-500">{formatDateTime(v.data.publishedAt)}</span>}
            {v.data.checksum && (
              <span className="font-mono text-[10px] text-zinc-400" title="Checksum of the published definition">
                {v.data.checksum.slice(0, 12)}
              </span>
            )}
          </div>
          <TaxonomyView definition={v.data.definition} />
        </>
      )}
    </VersionPage>
  );
}
