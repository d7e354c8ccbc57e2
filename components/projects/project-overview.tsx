'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { getProject } from '@/lib/api/operations/projects';
import { getTaxonomy } from '@/lib/api/operations/taxonomy';
import { ROLE_LABELS } from '../ui/badge';
import { formatDate } from '../ui/format';
import { Card } from '../ui/page-header';
import { ErrorState, LoadingState } from '../ui/states';
import { useApiQuery } from '../use-api';

export function ProjectOverview({ slug }: { slug: string }) {
  const project = useApiQuery(getProject, { params: { projectId: slug } });
  const taxonomy = useApiQuery(getTaxonomy, { params: { projectId: slug } });

  if (project.isPending) return <LoadingState label="Loading project…" />;
  if (project.isError) return <ErrorState error={project.error} onRetry={() => void project.refetch()} />;
  const p = project.data;
  const published = taxonomy.data?.published;

  return (
    <div className="space-y-5">
      <p className="max-w-3xl text-sm whitespace-pre-line text-zinc-600">
        {p.description || <span className="text-zinc-400">No description.</span>}
      </p>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="Your role" value={ROLE_LABELS[p.role]} />
        <Stat label="Members" value={p.memberCount} />
        <Stat label="Assets" value={p.assetCount} />
        <Stat label="Created" value={formatDate(p.createdAt)} />
      </dl>
      <div className="grid gap-3 sm:grid-cols-2">
        <LinkCard href={`/projects/${slug}/assets`} title="Assets">
          {p.assetCount} {p.assetCount === 1 ? 'asset' : 'assets'}; browse them, or import more.
        </LinkCard>
        <LinkCard href={`/projects/${slug}/members`} title="Members">
          {p.memberCount} {p.memberCount === 1 ? 'member' : 'members'}; invite people and set their roles.
        </LinkCard>
        <LinkCard href={`/projects/${slug}/taxonomy`} title="Taxonomy">
          {taxonomy.isPending
            ? 'Loading…'
            : published
              ? `Version ${published.version} published, ${published.definition.classes.length} classes.`
              : 'Nothing published yet.'}
          {taxonomy.data?.draft ? ' A draft is in progress.' : ''}
        </LinkCard>
      </div>
    </div>
  );
}

function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Card className="px-4 py-3">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="mt-0.5 text-base font-semibold text-zinc-900 tabular-nums">{value}</dd>
    </Card>
  );
}

function LinkCard({ href, title, children }: { href: string; title: string; children: ReactNode }) {
  return (
    <Link href={href} className="block rounded-lg border border-zinc-200 bg-white px-4 py-3 shadow-xs hover:border-accent-500">
      <p className="text-sm font-medium text-zinc-900">{title} →</p>
      <p className="mt-0.5 text-sm text-zinc-500">{children}</p>
    </Link>
  );
}
