'use client';

import Link from 'next/link';
import { getProject } from '@/lib/api/operations/projects';
import type { TRole } from '@/lib/schemas/project';
import { RoleBadge } from '../ui/badge';
import { NavLink } from '../shell/nav-link';
import { useApiQuery } from '../use-api';

const TAB =
  'border-b-2 border-transparent px-1 pb-2 text-sm text-zinc-500 hover:text-zinc-900 ' +
  'data-[active]:border-accent-600 data-[active]:font-medium data-[active]:text-zinc-900';

/** Breadcrumb, project name, the caller's role and the project's tabs. */
export function ProjectHeader({
  slug,
  role,
  canReadQuality,
  canManageSnapshots,
}: {
  slug: string;
  role: TRole;
  canReadQuality: boolean;
  canManageSnapshots: boolean;
}) {
  const project = useApiQuery(getProject, { params: { projectId: slug } });
  const base = `/projects/${slug}`;
  return (
    <div className="mb-5 border-b border-zinc-200">
      <nav className="text-xs text-zinc-500" aria-label="Breadcrumb">
        <Link href="/projects" className="hover:text-zinc-900">
          Projects
        </Link>
        <span className="mx-1.5 text-zinc-300">/</span>
        <span className="font-mono">{slug}</span>
      </nav>
      <div className="mt-1 flex items-center gap-2">
        <h1 className="truncate text-lg font-semibold text-zinc-900">
          {project.data?.name ??
            (project.isPending ? (
              <span className="inline-block h-5 w-40 animate-pulse rounded bg-zinc-200 align-middle" />
            ) : (
              slug
            ))}
        </h1>
        <RoleBadge role={role} />
      </div>
      <nav className="mt-3 flex gap-5" aria-label="Project">
        <NavLink href={base} exact className={TAB}>
          Overview
        </NavLink>
        <NavLink href={`${base}/work`} className={TAB}>
          Work
        </NavLink>
        <NavLink href={`${base}/assets`} className={TAB}>
          Assets
        </NavLink>
        <NavLink href={`${base}/import`} className={TAB}>
          Import
        </NavLink>
        <NavLink href={`${base}/members`} className={TAB}>
          Members
        </NavLink>
        <NavLink href={`${base}/taxonomy`} className={TAB}>
          Taxonomy
        </NavLink>
        <NavLink href={`${base}/workflow`} className={TAB}>
          Workflow
        </NavLink>
        <NavLink href={`${base}/queues`} className={TAB}>
          Queues
        </NavLink>
        {canReadQuality && (
          <NavLink href={`${base}/quality`} className={TAB}>
            Quality
          </NavLink>
        )}
        {canManageSnapshots && (
          <NavLink href={`${base}/snapshots`} className={TAB}>
            Snapshots
          </NavLink>
        )}
      </nav>
    </div>
  );
}
