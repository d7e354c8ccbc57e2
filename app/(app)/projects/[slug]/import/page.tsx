import type { Metadata } from 'next';
import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { ImportPanel } from '@/components/imports/import-panel';

export const metadata: Metadata = { title: 'Import' };

export default async function ImportPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await projectAccessOrNotFound(slug);
  return <ImportPanel slug={access.slug} canImport={access.can('assets:write')} role={access.role} />;
}
