import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { SnapshotDetail } from '@/components/snapshots/snapshot-detail';

export const metadata: Metadata = { title: 'Snapshot' };

export default async function SnapshotPage({ params }: { params: Promise<{ slug: string; version: string }> }) {
  const { slug, version } = await params;
  const access = await projectAccessOrNotFound(slug);
  const number = Number(version);
  if (!access.can('snapshots:manage') || !Number.isInteger(number) || number < 1) notFound();
  return <SnapshotDetail slug={access.slug} version={number} />;
}
