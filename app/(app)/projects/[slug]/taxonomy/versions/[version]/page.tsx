import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { VersionViewer } from '@/components/taxonomy/version-viewer';

export const metadata: Metadata = { title: 'Taxonomy version' };

export default async function TaxonomyVersionPage({ params }: { params: Promise<{ slug: string; version: string }> }) {
  const { slug, version } = await params;
  const n = Number(version);
  if (!Number.isInteger(n) || n < 1) notFound();
  const access = await projectAccessOrNotFound(slug);
  return <VersionViewer slug={access.slug} version={n} />;
}
