import type { Metadata } from 'next';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { WorkQueues } from '@/components/workflow/work-queues';

export const metadata: Metadata = { title: 'Work' };

export default async function WorkPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await projectAccessOrNotFound(slug);
  return <WorkQueues slug={access.slug} canConfigure={access.can('workflow:manage')} />;
}
