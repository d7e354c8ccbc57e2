import type { ReactNode } from 'react';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { ProjectHeader } from '@/components/projects/project-header';

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await projectAccessOrNotFound(slug);
  return (
    <>
      <ProjectHeader
        slug={access.slug}
        role={access.role}
        canReadQuality={access.can('quality:read')}
        canManageSnapshots={access.can('snapshots:manage')}
      />
      {children}
    </>
  );
}
