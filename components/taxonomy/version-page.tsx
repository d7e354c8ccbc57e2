'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTaxonomy } from '@/lib/api/operations/taxonomy';
import { useApiQuery } from '../use-api';
import { VersionHistory } from './version-history';

/** The frame of a page about versions (one version, a diff of two): a way back, the content, the history beside it. */
export function VersionPage({ slug, current, children }: { slug: string; current?: number; children: ReactNode }) {
  const taxonomy = useApiQuery(getTaxonomy, { params: { projectId: slug } });
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_14rem]">
      <div className="min-w-0 space-y-3">
        <Link href={`/projects/${slug}/taxonomy`} className="text-xs text-zinc-500 hover:text-zinc-900">
          ← Back to the taxonomy
        </Link>
        {children}
      </div>
      <aside>{taxonomy.data && <VersionHistory slug={slug} versions={taxonomy.data.versions} current={current} />}</aside>
    </div>
  );
}
