'use client';

import Link from 'next/link';
import { getTaxonomy, getTaxonomyVersion } from '@/lib/api/operations/taxonomy';
import { Badge } from '../ui/badge';
import { formatDateTime } from '../ui/format';
import { ErrorState, LoadingState } from '../ui/states';
import { useApiQuery } from '../use-api';
import { TaxonomyView } from './taxonomy-view';
import { VersionHistory } from './version-history';

export function VersionViewer({ slug, version }: { slug: string; version: number }) {
  const v = useApiQuery(getTaxonomyVersion, { params: { projectId: slug, version } });
  const taxonomy = useApiQuery(getTaxonomy, { params: { projectId: slug } });

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_14rem]">
      <div className="min-w-0 space-y-3">
        <Link href={`/projects/${slug}/taxonomy`} className="text-xs text-zinc-500 hover:text-zinc-900">
          ← Back to the taxonomy
        </Link>
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
      </div>
      <aside>{taxonomy.data && <VersionHistory slug={slug} versions={taxonomy.data.versions} current={version} />}</aside>
    </div>
  );
}
