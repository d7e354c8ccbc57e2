'use client';

import Link from 'next/link';
import { useState } from 'react';
import { listProjects } from '@/lib/api/operations/projects';
import { RoleBadge } from '../ui/badge';
import { Button } from '../ui/button';
import { formatDate } from '../ui/format';
import { PageHeader } from '../ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../ui/states';
import { Table, Td } from '../ui/table';
import { useApiQuery } from '../use-api';
import { NewProjectForm } from './new-project-form';

export function ProjectList() {
  const projects = useApiQuery(listProjects, {});
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="Projects"
        description="Projects you are a member of."
        actions={
          !creating && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              New project
            </Button>
          )
        }
      />
      {creating && <NewProjectForm onCancel={() => setCreating(false)} />}
      {projects.isPending ? (
        <LoadingState label="Loading projects…" />
      ) : projects.isError ? (
        <ErrorState error={projects.error} onRetry={() => void projects.refetch()} title="Could not load your projects" />
      ) : projects.data.projects.length === 0 ? (
        <EmptyState title="No projects yet">Create one, or ask a project owner to invite you.</EmptyState>
      ) : (
        <Table head={['Name', 'Your role', 'Members', 'Assets', 'Created']} label="Projects">
          {projects.data.projects.map((p) => (
            <tr key={p.id} className="hover:bg-zinc-50">
              <Td>
                <Link href={`/projects/${p.slug}`} className="font-medium text-zinc-900 hover:text-accent-700">
                  {p.name}
                </Link>
                <span className="ml-2 font-mono text-xs text-zinc-400">{p.slug}</span>
              </Td>
              <Td>
                <RoleBadge role={p.role} />
              </Td>
              <Td className="tabular-nums">{p.memberCount}</Td>
              <Td className="tabular-nums">{p.assetCount}</Td>
              <Td className="text-zinc-500">{formatDate(p.createdAt)}</Td>
            </tr>
          ))}
        </Table>
      )}
    </>
  );
}
