import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { SnapshotsPanel } from '@/components/snapshots/snapshots-panel';

export const metadata: Metadata = { title: 'Snapshots' };

export default async function SnapshotsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await projectAccessOrNotFound(slug);
  // The labeled data leaving the project: data leads and owners only, as the API decides.
  if (!access.can('snapshots:manage')) notFound();
  return <SnapshotsPanel slug={access.slug} />;
}
