import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { VersionDiffViewer } from '@/components/taxonomy/version-diff';

export const metadata: Metadata = { title: 'Compare taxonomy versions' };

export default async function TaxonomyDiffPage({
  params,
}: {
  params: Promise<{ slug: string; version: string; other: string }>;
}) {
  const { slug, version, other } = await params;
  const [from, to] = [Number(version), Number(other)];
  if (![from, to].every((n) => Number.isInteger(n) && n >= 1)) notFound();
  const access = await projectAccessOrNotFound(slug);
  return <VersionDiffViewer slug={access.slug} from={from} to={to} />;
}
