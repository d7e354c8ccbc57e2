import type { Metadata } from 'next';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { WorkflowPanel } from '@/components/workflow/workflow-panel';

export const metadata: Metadata = { title: 'Workflow' };

export default async function WorkflowPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await projectAccessOrNotFound(slug);
  return <WorkflowPanel slug={access.slug} role={access.role} canEdit={access.can('workflow:manage')} />;
}
