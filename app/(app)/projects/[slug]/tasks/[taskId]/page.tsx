import type { Metadata } from 'next';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { TaskActivity } from '@/components/workflow/task-activity';

export const metadata: Metadata = { title: 'Task activity' };

export default async function TaskActivityPage({ params }: { params: Promise<{ slug: string; taskId: string }> }) {
  const { slug, taskId } = await params;
  const access = await projectAccessOrNotFound(slug);
  return <TaskActivity slug={access.slug} taskId={taskId} />;
}
