import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { ComparisonView } from '@/components/quality/comparison-view';

export const metadata: Metadata = { title: 'Compared item' };

export default async function ComparedItemPage({ params }: { params: Promise<{ slug: string; taskId: string }> }) {
  const { slug, taskId } = await params;
  const access = await projectAccessOrNotFound(slug);
  if (!access.can('quality:read')) notFound();
  return <ComparisonView slug={access.slug} taskId={taskId} />;
}
