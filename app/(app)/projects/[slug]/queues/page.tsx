import type { Metadata } from 'next';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { QueueStatsPanel } from '@/components/workflow/queue-stats-panel';

export const metadata: Metadata = { title: 'Queues' };

export default async function QueuesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await projectAccessOrNotFound(slug);
  return <QueueStatsPanel slug={access.slug} isLead={access.can('workflow:manage')} />;
}
