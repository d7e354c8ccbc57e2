import type { Metadata } from 'next';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { TaxonomyPanel } from '@/components/taxonomy/taxonomy-panel';

export const metadata: Metadata = { title: 'Taxonomy' };

export default async function TaxonomyPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await projectAccessOrNotFound(slug);
  return <TaxonomyPanel slug={access.slug} canWrite={access.can('taxonomy:write')} role={access.role} />;
}
