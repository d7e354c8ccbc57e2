import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { QualityPanel } from '@/components/quality/quality-panel';

export const metadata: Metadata = { title: 'Quality' };

export default async function QualityPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await projectAccessOrNotFound(slug);
  // Agreement names annotators and compares them: data leads and owners only, as the API decides.
  if (!access.can('quality:read')) notFound();
  return <QualityPanel slug={access.slug} canManage={access.can('workflow:manage')} />;
}
